import { type StorageEnv } from '@berth/config';
import { join } from 'node:path';
import { FilesystemBlobDriver } from './filesystem.driver';
import { MIB, S3BlobDriver } from './s3.driver';

/** Nest injection token of the process-wide BlobDriver. */
export const BLOB_DRIVER = Symbol('BLOB_DRIVER');

/**
 * Builds the driver the environment selects: the filesystem under the data dir, or an S3 bucket. The concrete type is
 * returned so startup code can run driver-specific steps (S3BlobDriver.ensureBucket, FilesystemBlobDriver.ping).
 */
export function createBlobDriver(env: StorageEnv): FilesystemBlobDriver | S3BlobDriver {
  if (env.BERTH_STORAGE_DRIVER === 'filesystem') {
    return new FilesystemBlobDriver(env.BERTH_STORAGE_FS_ROOT ?? join(env.BERTH_DATA_DIR, 'blobs'));
  }
  const { BERTH_S3_ENDPOINT: endpoint, BERTH_S3_ACCESS_KEY: accessKey, BERTH_S3_SECRET_KEY: secretKey } = env;
  if (!endpoint || !accessKey || !secretKey) {
    // requireStorageSettings rejects this at boot; this guard only keeps a hand-built env honest.
    throw new Error('BERTH_S3_ENDPOINT, BERTH_S3_ACCESS_KEY and BERTH_S3_SECRET_KEY are required for the s3 driver');
  }
  return new S3BlobDriver({
    endpoint,
    accessKey,
    secretKey,
    bucket: env.BERTH_S3_BUCKET,
    region: env.BERTH_S3_REGION,
    partSize: env.BERTH_S3_PART_SIZE_MB * MIB,
  });
}
