import { startSwift, type SwiftService } from '@berth/testing';
import { Client } from 'minio';
import { randomUUID } from 'node:crypto';
import { blobPath } from './layout';
import { MIN_PART_SIZE, S3BlobDriver } from './s3.driver';
import { describeBlobDriverConformance } from './testing';

/** The S3 service under test: the one the global setup provides (BERTH_TEST_S3_*), else a Swift started here. */
interface S3Target {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

let target: S3Target;
let swift: SwiftService | undefined;

beforeAll(async () => {
  const { BERTH_TEST_S3_ENDPOINT, BERTH_TEST_S3_ACCESS_KEY, BERTH_TEST_S3_SECRET_KEY, BERTH_TEST_S3_REGION } =
    process.env;
  if (BERTH_TEST_S3_ENDPOINT && BERTH_TEST_S3_ACCESS_KEY && BERTH_TEST_S3_SECRET_KEY) {
    target = {
      endpoint: BERTH_TEST_S3_ENDPOINT,
      accessKey: BERTH_TEST_S3_ACCESS_KEY,
      secretKey: BERTH_TEST_S3_SECRET_KEY,
      region: BERTH_TEST_S3_REGION ?? 'us-east-1',
    };
  } else {
    swift = await startSwift();
    target = swift;
  }
});

afterAll(async () => {
  await swift?.stop();
});

describeBlobDriverConformance('s3', async () => {
  const bucket = `berth-conformance-${randomUUID().slice(0, 8)}`;
  const driver = new S3BlobDriver({ ...target, bucket, partSize: MIN_PART_SIZE });
  await driver.ensureBucket();
  const client = clientFor(target);
  return {
    driver,
    cleanup: () => removeBucket(client, bucket),
    // Lists multipart uploads with a '/' delimiter under the key's own folder: Swift's s3api fails without one.
    leftovers: async (digest) => {
      const key = blobPath(digest);
      const prefix = key.slice(0, key.lastIndexOf('/') + 1);
      const { uploads } = await client.listIncompleteUploadsQuery(bucket, prefix, '', '', '/');
      return uploads.filter((upload) => upload.key === key).map((upload) => `${upload.key} ${upload.uploadId}`);
    },
    reopen: () => new S3BlobDriver({ ...target, bucket, partSize: MIN_PART_SIZE }),
  };
});

describe('S3BlobDriver', () => {
  it('creates its bucket once and answers ping afterwards', async () => {
    const bucket = `berth-ping-${randomUUID().slice(0, 8)}`;
    const driver = new S3BlobDriver({ ...target, bucket });

    await expect(driver.ping()).rejects.toThrow('does not exist');
    await driver.ensureBucket();
    await driver.ensureBucket();
    await expect(driver.ping()).resolves.toBeUndefined();

    await removeBucket(clientFor(target), bucket);
  });

  it('refuses a part size below the S3 minimum', () => {
    expect(() => new S3BlobDriver({ ...target, bucket: 'berth', partSize: MIN_PART_SIZE - 1 })).toThrow(RangeError);
  });
});

function clientFor({ endpoint, accessKey, secretKey, region }: S3Target): Client {
  const url = new URL(endpoint);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: url.protocol === 'https:',
    accessKey,
    secretKey,
    region,
    pathStyle: true,
  });
}

async function removeBucket(client: Client, bucket: string): Promise<void> {
  const keys: string[] = [];
  for await (const item of client.listObjectsV2(bucket, '', true)) if (item.name) keys.push(item.name);
  if (keys.length > 0) await client.removeObjects(bucket, keys);
  await client.removeBucket(bucket);
}
