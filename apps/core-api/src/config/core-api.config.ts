import {
  databaseEnv,
  listenHostEnv,
  logEnv,
  portEnv,
  redisEnv,
  requireStorageSettings,
  storageEnv,
} from '@berth/config';
import { DEFAULT_TOKEN_ISSUER, DEFAULT_TOKEN_SERVICE } from '@berth/auth';
import { z } from 'zod';
import { signingKeyPem, verificationKeysPem } from '../modules/token/token-keys.config';
import { MIN_SECRET_KEY_LENGTH } from '../common/crypto/secret-box';

/** Minimum length of a bootstrap admin password given through BERTH_ADMIN_PASSWORD. */
export const MIN_ADMIN_PASSWORD_LENGTH = 8;

/** The core-api's environment: the shared fragments plus its own listener, URLs and console bundle. */
export const coreApiEnv = databaseEnv
  .merge(redisEnv)
  .merge(storageEnv)
  .merge(logEnv)
  .merge(listenHostEnv)
  .extend({
    BERTH_HTTP_PORT: portEnv.default(8080),
    /** The address people use for the console and API, shown in systeminfo and used for links. */
    BERTH_EXTERNAL_URL: z
      .string()
      .url('must be a URL such as https://berth.example.com')
      .default('http://localhost:8080'),
    /** The registry address clients push to, as they type it (`host[:port]`). */
    BERTH_REGISTRY_URL: z.string().default('localhost:5000'),
    /** Where core-api probes the registry's health from inside the deployment. */
    BERTH_REGISTRY_HEALTH_URL: z
      .string()
      .url('must be a URL such as http://registry:5000/health')
      .default('http://127.0.0.1:5000/health'),
    /** Where core-api calls the registry's OCI API from inside the deployment (artifact deletes, tags, copies). */
    BERTH_REGISTRY_INTERNAL_URL: z
      .string()
      .url('must be a URL such as http://registry:5000')
      .default('http://127.0.0.1:5000'),
    /** A built console bundle to serve at `/`; unset when a gateway serves the console. */
    BERTH_CONSOLE_DIR: z.string().optional(),
    BERTH_ADMIN_PASSWORD: z
      .string()
      .min(MIN_ADMIN_PASSWORD_LENGTH, `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`)
      .optional(),
    /** The key stored secrets (the LDAP bind password) are encrypted with; without it none can be stored. */
    BERTH_SECRET_KEY: z
      .string()
      .min(MIN_SECRET_KEY_LENGTH, `must be at least ${MIN_SECRET_KEY_LENGTH} characters`)
      .optional(),
    /** PEM private key (EC P-256 or RSA ≥ 2048) registry tokens are signed with; without it no token is issued. */
    BERTH_TOKEN_SIGNING_KEY: signingKeyPem.optional(),
    /** More PEM public keys whose tokens are still accepted (the previous key during a rotation). */
    BERTH_TOKEN_PUBLIC_KEYS: verificationKeysPem.optional(),
    BERTH_TOKEN_ISSUER: z.string().min(1).default(DEFAULT_TOKEN_ISSUER),
    /** The registry's service name: the `service` of token requests and the `aud` of the tokens. */
    BERTH_TOKEN_SERVICE: z.string().min(1).default(DEFAULT_TOKEN_SERVICE),
  })
  .superRefine(requireStorageSettings);

export type CoreApiConfig = z.output<typeof coreApiEnv>;

/** Injection token of the parsed CoreApiConfig. */
export const CORE_API_CONFIG = Symbol('CORE_API_CONFIG');
