import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type SwiftService,
  type TestDatabase,
  type TestOciImage,
  buildOciImage,
  createTestDatabase,
  readOciLayoutImage,
  startSwift,
} from '@berth/testing';
import { type RegistryProcess, buildRegistry, startRegistryProcess } from './registry-process';

const run = promisify(execFile);
const TAG = 'v1';
const REPOSITORY = 'library/demo';

async function skopeo(...args: string[]): Promise<string> {
  const { stdout } = await run('skopeo', ['--insecure-policy', ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

let image: TestOciImage;

beforeAll(async () => {
  const started = Date.now();
  await buildRegistry();
  image = buildOciImage({ layerCount: 2, tag: TAG });
  console.info(`registry e2e: build + OCI layout in ${Date.now() - started} ms`);
});

afterAll(async () => {
  if (image) await rm(image.dir, { recursive: true, force: true });
});

/** Pushes the generated image with skopeo, pulls it back, and compares digests and bytes. */
function describeSkopeoRoundTrip(
  driver: string,
  storageEnv: () => Promise<Record<string, string>>,
  cleanup = async () => {},
) {
  describe(`skopeo against the registry on the ${driver} driver`, () => {
    let db: TestDatabase;
    let dataDir: string;
    let pulledDir: string;
    let registry: RegistryProcess;

    beforeAll(async () => {
      db = await createTestDatabase('registry_e2e', { migrate: true });
      dataDir = await mkdtemp(join(tmpdir(), 'berth-e2e-data-'));
      pulledDir = await mkdtemp(join(tmpdir(), 'berth-e2e-pulled-'));
      registry = await startRegistryProcess({
        DATABASE_URL: db.url,
        BERTH_DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ...(await storageEnv()),
      });
    });

    afterAll(async () => {
      if (registry && registry.child.exitCode === null) await registry.stop();
      await db?.drop();
      await cleanup();
      for (const dir of [dataDir, pulledDir]) if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('pushes with skopeo copy, serves the exact manifest, and pulls identical digests back', async () => {
      const reference = `docker://${registry.host}/${REPOSITORY}:${TAG}`;
      let started = Date.now();
      await skopeo('copy', '--dest-tls-verify=false', `oci:${image.dir}:${TAG}`, reference);
      console.info(`registry e2e (${driver}): push ${Date.now() - started} ms`);

      const raw = await skopeo('inspect', '--raw', '--tls-verify=false', reference);
      expect(Buffer.from(raw)).toEqual(image.manifest);

      started = Date.now();
      await skopeo('copy', '--src-tls-verify=false', reference, `oci:${pulledDir}:${TAG}`);
      console.info(`registry e2e (${driver}): pull ${Date.now() - started} ms`);
      const pulled = readOciLayoutImage(pulledDir, TAG);
      expect(pulled.digest).toBe(image.manifestDigest);
      expect(pulled.manifest.equals(image.manifest)).toBe(true);
      expect(pulled.configDigest).toBe(image.config.digest);
      expect(pulled.layerDigests).toEqual(image.layers.map((layer) => layer.digest));

      const res = await fetch(`http://${registry.host}/v2/${REPOSITORY}/manifests/${TAG}`, { method: 'HEAD' });
      expect(res.headers.get('docker-content-digest')).toBe(image.manifestDigest);
      const health = (await (await fetch(`http://${registry.host}/health`)).json()) as {
        status: string;
        components: { name: string; details?: { driver?: string } }[];
      };
      expect(health.status).toBe('healthy');
      expect(health.components.find((c) => c.name === 'storage')?.details?.driver).toBe(driver);
    });

    it('logs one JSON access line per request and stops on SIGTERM', async () => {
      const lines = registry
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const access = lines.filter((line) => line['msg'] === 'request');
      expect(access.length).toBeGreaterThan(5);
      expect(access.every((line) => typeof line['requestId'] === 'string' && typeof line['ms'] === 'number')).toBe(
        true,
      );
      expect(access.some((line) => line['method'] === 'PUT' && line['status'] === 201)).toBe(true);

      const { code, signal } = await registry.stop();
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(registry.output()).toContain('registry stopped accepting requests');
    });
  });
}

describeSkopeoRoundTrip('filesystem', async () => ({ BERTH_STORAGE_DRIVER: 'filesystem' }));

let swift: SwiftService | undefined;
describeSkopeoRoundTrip(
  's3',
  async () => {
    swift = await startSwift();
    return {
      BERTH_STORAGE_DRIVER: 's3',
      BERTH_S3_ENDPOINT: swift.endpoint,
      BERTH_S3_ACCESS_KEY: swift.accessKey,
      BERTH_S3_SECRET_KEY: swift.secretKey,
      BERTH_S3_REGION: swift.region,
      BERTH_S3_BUCKET: 'berth-registry-e2e',
    };
  },
  async () => {
    await swift?.stop();
  },
);
