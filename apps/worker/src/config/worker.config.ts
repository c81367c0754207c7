import {
  databaseEnv,
  logEnv,
  portEnv,
  redisEnv,
  requireStorageSettings,
  storageEnv,
  uploadTtlEnv,
} from '@berth/config';
import { z } from 'zod';

/** The longest sweep interval the worker accepts, in minutes: 7 × 24 × 60. */
const MINUTES_PER_WEEK = 7 * 24 * 60;

/** Sweep abandoned uploads hourly unless told otherwise. */
export const DEFAULT_UPLOAD_SWEEP_INTERVAL_MINUTES = 60;

/** The worker's environment: the shared fragments plus its concurrency, optional health port and upload sweep. */
export const workerEnv = databaseEnv
  .merge(redisEnv)
  .merge(storageEnv)
  .merge(logEnv)
  .extend({
    BERTH_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    /** When set, the worker answers GET /health on this port for orchestrators' probes. */
    BERTH_WORKER_HEALTH_PORT: portEnv.optional(),
    /** How often the scheduled upload sweep runs (one worker of all acts per tick): hourly by default, at most weekly. */
    BERTH_UPLOAD_SWEEP_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(MINUTES_PER_WEEK)
      .default(DEFAULT_UPLOAD_SWEEP_INTERVAL_MINUTES),
    /** How long an upload session lives; the sweep removes session bytes without a row once they are this old. */
    BERTH_UPLOAD_TTL_MINUTES: uploadTtlEnv.shape.BERTH_UPLOAD_TTL_MINUTES,
  })
  .superRefine(requireStorageSettings);

export type WorkerConfig = z.output<typeof workerEnv>;

/** Injection token of the parsed WorkerConfig. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
