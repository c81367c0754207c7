import { z } from 'zod';

const port = z.coerce.number().int().min(1, 'must be a TCP port (1-65535)').max(65535, 'must be a TCP port (1-65535)');
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Postgres connection: one URL, shared by every service and by the migration step. */
export const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (for example postgres://berth@127.0.0.1:5432/berth)'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

/** Redis connection for BullMQ and caches; the prefix keeps several installs (or test runs) apart on one server. */
export const redisEnv = z.object({
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL (for example redis://127.0.0.1:6379/0)'),
  BERTH_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, 'may hold only letters, digits and _.:-')
    .default('berth'),
});

/** Blob storage: the filesystem under the data dir by default, or an S3-compatible service such as MinIO. */
export const storageEnv = z.object({
  BERTH_DATA_DIR: z.string().default('./data'),
  BERTH_STORAGE_DRIVER: z.enum(['filesystem', 's3'], { message: 'must be filesystem or s3' }).default('filesystem'),
  BERTH_STORAGE_FS_ROOT: z.string().optional(),
  BERTH_S3_ENDPOINT: z.string().url('must be a URL such as http://minio:9000').optional(),
  BERTH_S3_ACCESS_KEY: z.string().optional(),
  BERTH_S3_SECRET_KEY: z.string().optional(),
  BERTH_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name (3-63 of a-z 0-9 . -)')
    .default('berth'),
  BERTH_S3_REGION: z.string().default('us-east-1'),
  BERTH_S3_PART_SIZE_MB: z.coerce.number().int().min(5).max(512).default(16),
});

/** Adds the cross-field storage rules to an app schema that merged storageEnv (use with superRefine). */
export function requireStorageSettings(env: z.output<typeof storageEnv>, ctx: z.RefinementCtx): void {
  if (env.BERTH_STORAGE_DRIVER !== 's3') return;
  for (const key of ['BERTH_S3_ENDPOINT', 'BERTH_S3_ACCESS_KEY', 'BERTH_S3_SECRET_KEY'] as const) {
    if (!env[key])
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required when BERTH_STORAGE_DRIVER=s3' });
  }
}

/** How long an upload session lives after its last activity: a day, as CNCF distribution's upload purger assumes. */
export const DEFAULT_UPLOAD_TTL_MINUTES = 24 * 60;

/** The longest upload TTL accepted: 30 days, past which abandoned bytes would only pile up. */
export const MAX_UPLOAD_TTL_MINUTES = 30 * 24 * 60;

/**
 * The upload session lifetime, read by the registry (which expires sessions) and the worker (which sweeps their bytes);
 * one fragment so both accept exactly the same values.
 */
export const uploadTtlEnv = z.object({
  BERTH_UPLOAD_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_UPLOAD_TTL_MINUTES)
    .default(DEFAULT_UPLOAD_TTL_MINUTES),
});

/** Logging shared by every service. */
export const logEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Where an HTTP service binds. */
export const listenHostEnv = z.object({ BERTH_LISTEN_HOST: z.string().default('0.0.0.0') });

export type DatabaseEnv = z.output<typeof databaseEnv>;
export type RedisEnv = z.output<typeof redisEnv>;
export type StorageEnv = z.output<typeof storageEnv>;
export type LogEnv = z.output<typeof logEnv>;
export { bool as boolEnv, port as portEnv };
