/*
 * Upload sessions across replicas: two registries in one test process share the database and the blob storage, as
 * replicas behind a load balancer do, on both drivers (filesystem, and S3 on OpenStack Swift). A session started on
 * one is continued and finished on the other; concurrent pushes never answer 5xx nor leave inconsistent rows; a client
 * that goes away mid-upload leaves no visible blob.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { parseConfig } from '@berth/config';
import { MediaType } from '@berth/oci';
import { type TestDatabase, createTestDatabase } from '@berth/testing';
import { type RunningRegistry, startRegistry } from '../bootstrap';
import { registryConfigSchema } from '../registry.config';

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
/** Parallel requests per race: enough to overlap on two cores, few enough to stay quick. */
const RACERS = 8;
/** Five MiB plus a bit: on S3 the chunks then straddle the 5 MiB part size the registries are given. */
const CHUNK = 5 * 1024 * 1024 + 1000;
const ABORT_SETTLE_MS = 500;
const SUITE_TIMEOUT_MS = 120_000;

function describeReplicas(driver: string, storageEnv: () => Record<string, string>): void {
  describe(`two registries on the ${driver} driver`, { timeout: SUITE_TIMEOUT_MS }, () => {
    let db: TestDatabase;
    let sql: Client;
    let dataDir: string;
    let replicas: RunningRegistry[];
    let a: string;
    let b: string;

    beforeAll(async () => {
      db = await createTestDatabase('registry_replicas', { migrate: true });
      dataDir = await mkdtemp(join(tmpdir(), 'berth-replicas-'));
      const config = parseConfig(registryConfigSchema, {
        DATABASE_URL: db.url,
        BERTH_DATA_DIR: dataDir,
        BERTH_LISTEN_HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        BERTH_REGISTRY_AUTH: 'none',
        ...storageEnv(),
      });
      replicas = [
        await startRegistry({ ...config, BERTH_REGISTRY_PORT: 0 }),
        await startRegistry({ ...config, BERTH_REGISTRY_PORT: 0 }),
      ];
      [a, b] = replicas.map((replica) => replica.url);
      sql = new Client({ connectionString: db.url });
      await sql.connect();
    });

    afterAll(async () => {
      await sql?.end();
      for (const replica of replicas ?? []) await replica.close();
      await db?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    async function count(table: string, where: string, params: unknown[]): Promise<number> {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return rows[0].n;
    }

    async function patch(base: string, location: string, data: Buffer, start: number): Promise<Response> {
      return fetch(`${base}${location}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `${start}-${start + data.length - 1}` },
        body: data,
      });
    }

    async function pushBlob(base: string, name: string, data: Buffer): Promise<string> {
      const digest = digestOf(data);
      const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
      expect(res.status).toBe(201);
      return digest;
    }

    it('continues and finishes on one registry a chunked upload started on the other', async () => {
      const data = randomBytes(3 * CHUNK);
      const digest = digestOf(data);
      const start = await fetch(`${a}/v2/library/replicated/blobs/uploads/`, { method: 'POST' });
      expect(start.status).toBe(202);
      let location = start.headers.get('location')!;

      for (const [index, base] of [a, b, a].entries()) {
        const res = await patch(base, location, data.subarray(index * CHUNK, (index + 1) * CHUNK), index * CHUNK);
        expect(res.status).toBe(202);
        expect(res.headers.get('range')).toBe(`0-${(index + 1) * CHUNK - 1}`);
        location = res.headers.get('location')!;
        const status = await fetch(`${base === a ? b : a}${location}`);
        expect(status.status).toBe(204);
        expect(status.headers.get('range')).toBe(`0-${(index + 1) * CHUNK - 1}`);
      }
      const put = await fetch(`${b}${location}?digest=${digest}`, { method: 'PUT' });
      expect(put.status).toBe(201);

      for (const base of [a, b]) {
        const get = await fetch(`${base}/v2/library/replicated/blobs/${digest}`);
        expect(get.status).toBe(200);
        expect(digestOf(Buffer.from(await get.arrayBuffer()))).toBe(digest);
      }
      expect(await count('upload', 'id = $1', [start.headers.get('docker-upload-uuid')])).toBe(0);
    });

    it('stores one blob when both registries receive the same blob at once', async () => {
      const data = randomBytes(CHUNK);
      const digest = digestOf(data);

      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          fetch(`${i % 2 ? a : b}/v2/library/same-blob-${i % 3}/blobs/uploads/?digest=${digest}`, {
            method: 'POST',
            body: data,
          }),
        ),
      );

      expect(results.map((r) => r.status)).toEqual(Array(RACERS).fill(201));
      expect(await count('blob', 'digest = $1', [digest])).toBe(1);
      expect(await count('repository_blob rb JOIN blob bl ON bl.id = rb.blob_id', 'bl.digest = $1', [digest])).toBe(3);
    });

    it('lets only one of several concurrent PATCHes of one session write, and the session stays consistent', async () => {
      const data = randomBytes(CHUNK);
      const location = (await fetch(`${a}/v2/library/contended/blobs/uploads/`, { method: 'POST' })).headers.get(
        'location',
      )!;

      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => patch(i % 2 ? a : b, location, data, 0)),
      );

      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(1);
      expect(statuses.every((s) => s === 202 || s === 400 || s === 416)).toBe(true);
      const status = await fetch(`${b}${location}`);
      expect(status.headers.get('range')).toBe(`0-${data.length - 1}`);
      const put = await fetch(`${a}${location}?digest=${digestOf(data)}`, { method: 'PUT' });
      expect(put.status).toBe(201);
    });

    it('keeps tags and manifests consistent when manifests sharing layers race for one tag', async () => {
      const name = 'library/racing';
      const layers = [randomBytes(1000), randomBytes(2000)];
      const layerDigests = await Promise.all(layers.map((layer, i) => pushBlob(i ? a : b, name, layer)));
      const manifests: string[] = [];
      for (let i = 0; i < RACERS; i++) {
        const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', variant: `v${i}` }));
        const configDigest = await pushBlob(i % 2 ? a : b, name, config);
        manifests.push(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MediaType.OciManifest,
            config: { mediaType: MediaType.OciConfig, digest: configDigest, size: config.length },
            layers: layerDigests.map((digest, l) => ({
              mediaType: MediaType.OciLayerTarGzip,
              digest,
              size: layers[l].length,
            })),
          }),
        );
      }

      const results = await Promise.all(
        manifests.map((body, i) =>
          fetch(`${i % 2 ? a : b}/v2/${name}/manifests/latest`, {
            method: 'PUT',
            headers: { 'Content-Type': MediaType.OciManifest },
            body,
          }),
        ),
      );

      expect(results.map((r) => r.status)).toEqual(Array(RACERS).fill(201));
      const tagged = await fetch(`${a}/v2/${name}/manifests/latest`);
      expect(manifests.map(digestOf)).toContain(tagged.headers.get('docker-content-digest'));
      for (const body of manifests) {
        const res = await fetch(`${b}/v2/${name}/manifests/${digestOf(body)}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(body);
      }
      expect(await count('blob', 'digest = ANY($1::varchar[])', [layerDigests])).toBe(2);
    });

    it('shows no blob when the client goes away mid-upload, and keeps only acknowledged bytes', async () => {
      const data = randomBytes(3 * CHUNK);
      const digest = digestOf(data);
      const location = (await fetch(`${a}/v2/library/vanishing/blobs/uploads/`, { method: 'POST' })).headers.get(
        'location',
      )!;
      expect((await patch(b, location, data.subarray(0, CHUNK), 0)).status).toBe(202);

      for (const target of [`${a}${location}`, `${b}/v2/library/vanishing/blobs/uploads/?digest=${digest}`]) {
        const controller = new AbortController();
        const body = new ReadableStream<Uint8Array>({
          async pull(stream) {
            stream.enqueue(data.subarray(CHUNK, 2 * CHUNK));
            await sleep(100);
            controller.abort();
          },
        });
        await expect(
          fetch(target, {
            method: target.includes('?digest=') ? 'POST' : 'PATCH',
            body,
            duplex: 'half',
            signal: controller.signal,
          } as RequestInit),
        ).rejects.toThrow();
      }
      await sleep(ABORT_SETTLE_MS);

      for (const base of [a, b]) {
        expect((await fetch(`${base}/v2/library/vanishing/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
        expect((await fetch(`${base}${location}`)).headers.get('range')).toBe(`0-${CHUNK - 1}`);
      }
      expect(await count('blob', 'digest = $1', [digest])).toBe(0);
    });

    it('answers a session started on one registry as unknown on the other once cancelled', async () => {
      const location = (await fetch(`${a}/v2/library/cancelled/blobs/uploads/`, { method: 'POST' })).headers.get(
        'location',
      )!;
      await patch(a, location, randomBytes(100), 0);

      expect((await fetch(`${b}${location}`, { method: 'DELETE' })).status).toBe(204);

      expect((await fetch(`${a}${location}`)).status).toBe(404);
      expect((await patch(a, location, randomBytes(10), 100)).status).toBe(404);
    });
  });
}

describeReplicas('filesystem', () => ({}));

describeReplicas('s3', () => {
  const { BERTH_TEST_S3_ENDPOINT, BERTH_TEST_S3_ACCESS_KEY, BERTH_TEST_S3_SECRET_KEY, BERTH_TEST_S3_REGION } =
    process.env;
  if (!BERTH_TEST_S3_ENDPOINT || !BERTH_TEST_S3_ACCESS_KEY || !BERTH_TEST_S3_SECRET_KEY) {
    throw new Error('the int global setup exports BERTH_TEST_S3_*; run this suite with --project int');
  }
  return {
    BERTH_STORAGE_DRIVER: 's3',
    BERTH_S3_ENDPOINT: BERTH_TEST_S3_ENDPOINT,
    BERTH_S3_ACCESS_KEY: BERTH_TEST_S3_ACCESS_KEY,
    BERTH_S3_SECRET_KEY: BERTH_TEST_S3_SECRET_KEY,
    BERTH_S3_REGION: BERTH_TEST_S3_REGION ?? 'us-east-1',
    BERTH_S3_BUCKET: `berth-replicas-${randomUUID().slice(0, 8)}`,
    BERTH_S3_PART_SIZE_MB: '5',
  };
});
