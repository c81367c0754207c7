import { databaseEnv, listenHostEnv, logEnv, portEnv, requireStorageSettings, storageEnv } from '@berth/config';
import { z } from 'zod';

/** Port of the distribution API when BERTH_REGISTRY_PORT is unset (the port registries conventionally use). */
export const DEFAULT_REGISTRY_PORT = 5000;

/** How long a stopping registry lets in-flight requests finish: under Kubernetes' default 30 s termination grace. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/** How long an upload session lives after its last activity: a day, as CNCF distribution's upload purger assumes. */
export const DEFAULT_UPLOAD_TTL_MINUTES = 24 * 60;

/** The longest upload TTL accepted: 30 days, past which abandoned bytes would only pile up. */
const MAX_UPLOAD_TTL_MINUTES = 30 * 24 * 60;

/** The registry's environment: database, blob storage, logging and where to listen. */
export const registryConfigSchema = databaseEnv
  .merge(storageEnv)
  .merge(logEnv)
  .merge(listenHostEnv)
  .extend({
    BERTH_REGISTRY_PORT: portEnv.default(DEFAULT_REGISTRY_PORT),
    BERTH_REGISTRY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
    BERTH_UPLOAD_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_UPLOAD_TTL_MINUTES)
      .default(DEFAULT_UPLOAD_TTL_MINUTES),
  })
  .superRefine(requireStorageSettings);

/** The parsed registry configuration. */
export type RegistryConfig = z.output<typeof registryConfigSchema>;

/** Nest injection token of the RegistryConfig. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

/** Nest injection token of the registry's pino logger. */
export const REGISTRY_LOGGER = Symbol('REGISTRY_LOGGER');
