import {
  databaseEnv,
  listenHostEnv,
  logEnv,
  portEnv,
  redisEnv,
  requireStorageSettings,
  MAX_UPLOAD_TTL_MINUTES,
  storageEnv,
  uploadTtlEnv,
} from '@berth/config';
import { DEFAULT_TOKEN_ISSUER, DEFAULT_TOKEN_SERVICE, loadVerificationKeys, pemFromEnv } from '@berth/auth';
import { z } from 'zod';

/** Port of the distribution API when BERTH_REGISTRY_PORT is unset (the port registries conventionally use). */
export const DEFAULT_REGISTRY_PORT = 5000;

/** How long a stopping registry lets in-flight requests finish: under Kubernetes' default 30 s termination grace. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/** Where registry clients get tokens when BERTH_TOKEN_REALM is unset: core-api's token service as the launcher runs it. */
export const DEFAULT_TOKEN_REALM = 'http://localhost:8080/service/token';

/**
 * How long past its token's expiry the owner of an upload session may still finish it: a day, like the upload TTL,
 * so a multi-gigabyte push that outlives its token (30 minutes by default) is not cut off midway.
 */
export const DEFAULT_UPLOAD_TOKEN_GRACE_MINUTES = 24 * 60;

const publicKeysPem = z
  .string()
  .transform(pemFromEnv)
  .superRefine((value, ctx) => {
    try {
      loadVerificationKeys(value);
    } catch (err) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (err as Error).message });
    }
  });

/** The registry's environment: database, blob storage, logging, where to listen and how clients authenticate. */
export const registryConfigSchema = databaseEnv
  .merge(storageEnv)
  .merge(logEnv)
  .merge(listenHostEnv)
  .extend({
    BERTH_REGISTRY_PORT: portEnv.default(DEFAULT_REGISTRY_PORT),
    /** Redis of the events queue (pushes, pulls, deletes → audit log and pull counts); unset, no events are sent. */
    REDIS_URL: redisEnv.shape.REDIS_URL.optional(),
    BERTH_REDIS_PREFIX: redisEnv.shape.BERTH_REDIS_PREFIX,
    BERTH_REGISTRY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
    BERTH_UPLOAD_TTL_MINUTES: uploadTtlEnv.shape.BERTH_UPLOAD_TTL_MINUTES,
    /** `token` (every /v2/ request needs a token from core-api) or `none` (no authentication: tests, trusted labs). */
    BERTH_REGISTRY_AUTH: z.enum(['token', 'none']).default('token'),
    /** The PEM public keys of core-api's token signing keys (two during a rotation); required with `token`. */
    BERTH_TOKEN_PUBLIC_KEYS: publicKeysPem.optional(),
    /** The token service URL clients are sent to in the Bearer challenge. */
    BERTH_TOKEN_REALM: z
      .string()
      .url('must be a URL such as https://berth.example.com/service/token')
      .default(DEFAULT_TOKEN_REALM),
    BERTH_TOKEN_ISSUER: z.string().min(1).default(DEFAULT_TOKEN_ISSUER),
    BERTH_TOKEN_SERVICE: z.string().min(1).default(DEFAULT_TOKEN_SERVICE),
    BERTH_UPLOAD_TOKEN_GRACE_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_UPLOAD_TTL_MINUTES)
      .default(DEFAULT_UPLOAD_TOKEN_GRACE_MINUTES),
  })
  .superRefine(requireStorageSettings)
  .superRefine((config, ctx) => {
    if (config.BERTH_REGISTRY_AUTH === 'token' && !config.BERTH_TOKEN_PUBLIC_KEYS) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['BERTH_TOKEN_PUBLIC_KEYS'],
        message: 'is required with BERTH_REGISTRY_AUTH=token (core-api signing key public half, PEM)',
      });
    }
  });

/** The parsed registry configuration. */
export type RegistryConfig = z.output<typeof registryConfigSchema>;

/** Nest injection token of the RegistryConfig. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

/** Nest injection token of the registry's pino logger. */
export const REGISTRY_LOGGER = Symbol('REGISTRY_LOGGER');
