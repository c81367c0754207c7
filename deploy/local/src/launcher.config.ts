import { portEnv } from '@berth/config';
import { z } from 'zod';

/** The quick-start launcher's own settings; everything else passes through to the services unchanged. */
export const launcherEnv = z.object({
  BERTH_DATA_DIR: z.string().default('.data'),
  BERTH_HTTP_PORT: portEnv.default(8080),
  BERTH_REGISTRY_PORT: portEnv.default(5000),
  /** Port of the embedded Postgres when DATABASE_URL is not set. */
  BERTH_EMBEDDED_POSTGRES_PORT: portEnv.default(15432),
  /** Port of the private redis-server when REDIS_URL is not set. */
  BERTH_EMBEDDED_REDIS_PORT: portEnv.default(16379),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  BERTH_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /** Print every service's JSON log lines to the terminal, not only warnings and errors. */
  BERTH_LOG_STDOUT: z.enum(['0', '1', 'true', 'false']).default('0'),
});

export type LauncherConfig = z.output<typeof launcherEnv>;
