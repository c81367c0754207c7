import { databaseEnv, listenHostEnv, logEnv, portEnv, requireStorageSettings, storageEnv } from '@berth/config';
import { z } from 'zod';

/** Port of the distribution API when BERTH_REGISTRY_PORT is unset (the port registries conventionally use). */
export const DEFAULT_REGISTRY_PORT = 5000;

/** How long a stopping registry lets in-flight requests finish: under Kubernetes' default 30 s termination grace. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/** The registry's environment: database, blob storage, logging and where to listen. */
export const registryConfigSchema = databaseEnv
  .merge(storageEnv)
  .merge(logEnv)
  .merge(listenHostEnv)
  .extend({
    BERTH_REGISTRY_PORT: portEnv.default(DEFAULT_REGISTRY_PORT),
    BERTH_REGISTRY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
  })
  .superRefine(requireStorageSettings);

/** The parsed registry configuration. */
export type RegistryConfig = z.output<typeof registryConfigSchema>;

/** Nest injection token of the RegistryConfig. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');

/** Nest injection token of the registry's pino logger. */
export const REGISTRY_LOGGER = Symbol('REGISTRY_LOGGER');
