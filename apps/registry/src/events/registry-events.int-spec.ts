import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseConfig } from '@berth/config';
import { MediaType } from '@berth/oci';
import { createQueue, QueueName, REGISTRY_EVENTS_JOB, type RegistryEvent, type RegistryEventBatch } from '@berth/queue';
import { createTestDatabase, freePort, type TestDatabase } from '@berth/testing';
import { type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type RunningRegistry, startRegistry } from '../bootstrap';
import { registryConfigSchema } from '../registry.config';
import { TEST_TOKEN_REALM, allActions, createTestTokens, digestOf } from '../testing/registry-harness';
import { RegistryEventEmitter } from './registry-event.emitter';

const REDIS_URL = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
const { tokens, publicKeyPem } = createTestTokens();
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** Starts a registry with token auth and the given Redis on its own database and data dir. */
async function startWithRedis(
  name: string,
  redisUrl: string,
  prefix: string,
): Promise<{ registry: RunningRegistry; db: TestDatabase; close(): Promise<void> }> {
  const db = await createTestDatabase(name, { migrate: true });
  const dataDir = await mkdtemp(join(tmpdir(), `berth-${name}-`));
  const config = parseConfig(registryConfigSchema, {
    DATABASE_URL: db.url,
    BERTH_DATA_DIR: dataDir,
    BERTH_LISTEN_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl,
    BERTH_REDIS_PREFIX: prefix,
    BERTH_REGISTRY_AUTH: 'token',
    BERTH_TOKEN_PUBLIC_KEYS: publicKeyPem,
    BERTH_TOKEN_REALM: TEST_TOKEN_REALM,
  });
  const registry = await startRegistry({ ...config, BERTH_REGISTRY_PORT: 0 });
  return {
    registry,
    db,
    close: async () => {
      await registry.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads every event batch waiting in the events queue. */
async function queuedBatches(queue: Queue): Promise<{ jobId: string; batch: RegistryEventBatch }[]> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
  return jobs
    .filter((job) => job.name === REGISTRY_EVENTS_JOB)
    .map((job) => ({ jobId: String(job.id), batch: job.data as RegistryEventBatch }));
}

describe('registry events', () => {
  describe('with Redis up', () => {
    const prefix = `berth-it-events-${process.pid}`;
    let world: Awaited<ReturnType<typeof startWithRedis>>;
    let queue: Queue;

    beforeAll(async () => {
      world = await startWithRedis('registry_events', REDIS_URL, prefix);
      queue = createQueue(QueueName.Events, REDIS_URL, prefix);
    });

    afterAll(async () => {
      await world?.close();
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    });

    it('sends pushes, pulls and deletes, with who and from where, as a few batched jobs', async () => {
      const base = world.registry.url;
      const alice = tokens.auth('alice', allActions('library/app'));
      const robot = tokens.auth('robot$library+ci', allActions('library/app'), { berth: { kind: 'robot', id: 7 } });
      const pushed = await pushImageAs(base, 'library/app', '1.0', alice);
      const old = await pushImageAs(base, 'library/app', 'old', alice);
      const pulls = 25;
      for (let i = 0; i < pulls; i++) {
        const res = await fetch(`${base}/v2/library/app/manifests/1.0`, {
          headers: { ...robot, Accept: OCI_MANIFEST },
        });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
      const head = await fetch(`${base}/v2/library/app/manifests/1.0`, {
        method: 'HEAD',
        headers: { ...robot, Accept: OCI_MANIFEST },
      });
      expect(head.status).toBe(200);
      const del = await fetch(`${base}/v2/library/app/manifests/old`, { method: 'DELETE', headers: alice });
      expect(del.status).toBe(202);

      const expected = 2 + pulls + 1;
      let batches: { jobId: string; batch: RegistryEventBatch }[] = [];
      for (let waited = 0; waited < 10_000; waited += 100) {
        batches = await queuedBatches(queue);
        if (batches.reduce((n, b) => n + b.batch.events.length, 0) >= expected) break;
        await sleep(100);
      }
      const events: RegistryEvent[] = batches
        .flatMap((b) => b.batch.events)
        .sort((a, b) => a.time.localeCompare(b.time));
      expect(events).toHaveLength(expected);
      // Batched: far fewer jobs than events, each job named after its batch.
      expect(batches.length).toBeLessThan(expected / 3);
      for (const { jobId, batch } of batches) expect(jobId).toBe(batch.batchId);

      expect(events[0]).toEqual({
        operation: 'push',
        resourceType: 'artifact',
        repository: 'library/app',
        reference: '1.0',
        digest: pushed,
        mediaType: OCI_MANIFEST,
        actor: { name: 'alice', kind: 'user' },
        sourceIp: '127.0.0.1',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const pullEvents = events.filter((e) => e.operation === 'pull');
      expect(pullEvents).toHaveLength(pulls);
      expect(pullEvents[0]).toMatchObject({
        reference: '1.0',
        digest: pushed,
        mediaType: OCI_MANIFEST,
        actor: { name: 'robot$library+ci', kind: 'robot' },
      });
      expect(events.at(-1)).toMatchObject({
        operation: 'delete',
        resourceType: 'tag',
        reference: 'old',
        digest: null,
        actor: { name: 'alice', kind: 'user' },
      });
      expect(events.filter((e) => e.digest === old && e.operation === 'push')).toHaveLength(1);
    });
  });

  describe('with Redis unreachable', () => {
    let world: Awaited<ReturnType<typeof startWithRedis>>;

    beforeAll(async () => {
      const closedPort = await freePort();
      world = await startWithRedis('registry_events_down', `redis://127.0.0.1:${closedPort}/0`, 'berth-it-down');
    });

    afterAll(async () => {
      await world?.close();
    });

    it('answers pulls as fast as ever and keeps its event buffer bounded', async () => {
      const base = world.registry.url;
      const auth = tokens.auth('alice', allActions('library/app'));
      await pushImageAs(base, 'library/app', '1.0', auth);
      const timings: number[] = [];
      for (let i = 0; i < 60; i++) {
        const started = performance.now();
        const res = await fetch(`${base}/v2/library/app/manifests/1.0`, { headers: { ...auth, Accept: OCI_MANIFEST } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      // The emitter never waits for Redis: a pull that did would take its 5 s send timeout or a connect timeout.
      expect(timings[Math.floor(timings.length * 0.95)]).toBeLessThan(250);
      const emitter = world.registry.app.get(RegistryEventEmitter);
      expect(emitter.buffered).toBeLessThanOrEqual(10_000);
    });
  });
});

/** Pushes a one-layer image as a token holder (blobs by monolithic POST, then the manifest); returns its digest. */
async function pushImageAs(base: string, name: string, tag: string, auth: { Authorization: string }): Promise<string> {
  const blob = async (data: Buffer, mediaType: string) => {
    const digest = digestOf(data);
    const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, {
      method: 'POST',
      headers: auth,
      body: data,
    });
    expect(res.status).toBe(201);
    return { mediaType, digest, size: data.length };
  };
  const config = await blob(
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', tag })),
    MediaType.OciConfig,
  );
  const layer = await blob(Buffer.from(`layer of ${tag}`), MediaType.OciLayerTarGzip);
  const body = JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] });
  const res = await fetch(`${base}/v2/${name}/manifests/${tag}`, {
    method: 'PUT',
    headers: { ...auth, 'Content-Type': OCI_MANIFEST },
    body,
  });
  expect(res.status).toBe(201);
  return digestOf(body);
}
