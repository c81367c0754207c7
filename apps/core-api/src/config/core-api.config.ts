import {
  databaseEnv,
  listenHostEnv,
  logEnv,
  portEnv,
  redisEnv,
  requireStorageSettings,
  storageEnv,
} from '@berth/config';
import { z } from 'zod';

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
    /** A built console bundle to serve at `/`; unset when a gateway serves the console. */
    BERTH_CONSOLE_DIR: z.string().optional(),
    BERTH_ADMIN_PASSWORD: z
      .string()
      .min(MIN_ADMIN_PASSWORD_LENGTH, `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`)
      .optional(),
  })
  .superRefine(requireStorageSettings);

export type CoreApiConfig = z.output<typeof coreApiEnv>;

/** Injection token of the parsed CoreApiConfig. */
export const CORE_API_CONFIG = Symbol('CORE_API_CONFIG');
