import { databaseEnv, logEnv, portEnv, redisEnv, requireStorageSettings, storageEnv } from '@berth/config';
import { z } from 'zod';

/** The worker's environment: the shared fragments plus its concurrency and optional health port. */
export const workerEnv = databaseEnv
  .merge(redisEnv)
  .merge(storageEnv)
  .merge(logEnv)
  .extend({
    BERTH_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** When set, the worker answers GET /health on this port for orchestrators' probes. */
    BERTH_WORKER_HEALTH_PORT: portEnv.optional(),
  })
  .superRefine(requireStorageSettings);

export type WorkerConfig = z.output<typeof workerEnv>;

/** Injection token of the parsed WorkerConfig. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
