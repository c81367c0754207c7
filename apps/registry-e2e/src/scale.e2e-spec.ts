/*
 * The registry as a process under stress, on the filesystem driver: killed with SIGKILL in the middle of an upload
 * it loses no committed blob or manifest and the client's retry succeeds; and a 2 GiB blob, generated on the fly and
 * never held in memory, is pushed (one streamed POST, and 16 MiB PATCH chunks) and pulled back while the registry's
 * peak resident memory stays under 250 MB.
 */
import { createHash, type Hash, randomBytes } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MediaType } from '@berth/oci';
import { type TestDatabase, createTestDatabase } from '@berth/testing';
import { type RegistryProcess, buildRegistry, startRegistryProcess } from './registry-process';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
/** The blob of the memory test, and the peak resident memory the registry must stay under while moving it. */
const BIG_BLOB = 2 * GIB;
const RSS_LIMIT_BYTES = 250 * 1000 * 1000;
/** The chunk size clients such as containerd use for chunked pushes. */
const PATCH_CHUNK = 16 * MIB;
/** The unit the generated blob is made of; each one is the seed stamped with its index. */
const BLOCK = MIB;
const CHUNK = 1024 * 1024 + 17;
/** How long a retry may wait for a killed replica's hold on the session to lapse (the 15 s lease, plus slack). */
const LEASE_WAIT_MS = 30_000;
const LEASE_POLL_MS = 1_000;
const KILL_TEST_TIMEOUT_MS = 120_000;
const BIG_TEST_TIMEOUT_MS = 900_000;

const digestOf = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

let db: TestDatabase;
let dataDir: string;
let registry: RegistryProcess | undefined;

function env(): Record<string, string> {
  return { DATABASE_URL: db.url, BERTH_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
}

beforeAll(async () => {
  await buildRegistry();
  db = await createTestDatabase('registry_scale', { migrate: true });
  dataDir = await mkdtemp(join(tmpdir(), 'berth-scale-'));
});

afterAll(async () => {
  if (registry && registry.child.exitCode === null && registry.child.signalCode === null) await registry.stop();
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function pushBlob(host: string, name: string, data: Buffer): Promise<string> {
  const digest = digestOf(data);
  const res = await fetch(`http://${host}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
  expect(res.status).toBe(201);
  return digest;
}

describe('a registry killed with SIGKILL mid-upload', () => {
  it(
    'keeps every committed blob and manifest, and the client retry of the upload succeeds',
    async () => {
      registry = await startRegistryProcess(env());
      const name = 'library/killed';
      const layer = randomBytes(3 * CHUNK);
      const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
      const committed = [await pushBlob(registry.host, name, config), await pushBlob(registry.host, name, layer)];
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciManifest,
        config: { mediaType: MediaType.OciConfig, digest: committed[0], size: config.length },
        layers: [{ mediaType: MediaType.OciLayerTarGzip, digest: committed[1], size: layer.length }],
      });
      const put = await fetch(`http://${registry.host}/v2/${name}/manifests/v1`, {
        method: 'PUT',
        headers: { 'Content-Type': MediaType.OciManifest },
        body: manifest,
      });
      expect(put.status).toBe(201);

      const data = randomBytes(4 * CHUNK);
      const digest = digestOf(data);
      const start = await fetch(`http://${registry.host}/v2/${name}/blobs/uploads/`, { method: 'POST' });
      const location = start.headers.get('location')!;
      const first = await fetch(`http://${registry.host}${location}`, {
        method: 'PATCH',
        headers: { 'Content-Range': `0-${CHUNK - 1}` },
        body: data.subarray(0, CHUNK),
      });
      expect(first.status).toBe(202);
      const killed = registry;
      const sent = new ReadableStream<Uint8Array>({
        async pull(stream) {
          stream.enqueue(data.subarray(CHUNK, 2 * CHUNK));
          await sleep(300);
          killed.child.kill('SIGKILL');
        },
      });
      await expect(
        fetch(`http://${killed.host}${location}`, { method: 'PATCH', body: sent, duplex: 'half' } as RequestInit),
      ).rejects.toThrow();
      expect((await killed.stop()).signal).toBe('SIGKILL');

      registry = await startRegistryProcess(env());
      const host = registry.host;
      const served = await fetch(`http://${host}/v2/${name}/manifests/v1`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(manifest);
      for (const [index, blob] of [config, layer].entries()) {
        const get = await fetch(`http://${host}/v2/${name}/blobs/${committed[index]}`);
        expect(Buffer.from(await get.arrayBuffer()).equals(blob)).toBe(true);
      }

      // The client resumes where the registry says the session stands; the dead request's hold lapses first.
      const status = await fetch(`http://${host}${location}`);
      expect(status.status).toBe(204);
      const resumeAt = Number(status.headers.get('range')!.split('-')[1]) + 1;
      expect(resumeAt).toBeGreaterThanOrEqual(CHUNK);
      const deadline = Date.now() + LEASE_WAIT_MS;
      let resumed: Response;
      for (;;) {
        resumed = await fetch(`http://${host}${location}`, {
          method: 'PATCH',
          headers: { 'Content-Range': `${resumeAt}-${data.length - 1}` },
          body: data.subarray(resumeAt),
        });
        if (resumed.status !== 400 || Date.now() > deadline) break;
        await sleep(LEASE_POLL_MS);
      }
      expect(resumed.status).toBe(202);
      const closed = await fetch(`http://${host}${location}?digest=${digest}`, { method: 'PUT' });
      expect(closed.status).toBe(201);
      const pulled = await fetch(`http://${host}/v2/${name}/blobs/${digest}`);
      expect(digestOf(Buffer.from(await pulled.arrayBuffer()))).toBe(digest);

      // A client that starts the upload over instead succeeds as well.
      expect(await pushBlob(host, 'library/killed-again', data)).toBe(digest);
      await registry.stop();
    },
    KILL_TEST_TIMEOUT_MS,
  );
});

/** Yields `size` bytes as BLOCK-sized blocks, each the seed stamped with its index, from block `from` on. */
function* generate(seed: Buffer, size: number, from = 0): Generator<Buffer> {
  for (let index = from; index < size / BLOCK; index++) {
    const block = Buffer.from(seed);
    block.writeUInt32BE(index, 0);
    yield block;
  }
}

function streamOf(blocks: Iterable<Buffer>): ReadableStream<Uint8Array> {
  const iterator = blocks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

async function hashBody(res: Response): Promise<{ digest: string; size: number }> {
  const hash: Hash = createHash('sha256');
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

/** Reads a process's peak resident set size (VmHWM) from /proc, in bytes. */
async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kib) * 1024;
}

describe('a 2 GiB blob', () => {
  it(
    'is pushed streamed and in 16 MiB chunks and pulled back with the registry under 250 MB peak RSS',
    async () => {
      registry = await startRegistryProcess(env());
      const { host, child } = registry;
      const seed = randomBytes(BLOCK);
      const whole = createHash('sha256');
      for (const block of generate(seed, BIG_BLOB)) whole.update(block);
      const digest = `sha256:${whole.digest('hex')}`;
      const name = 'library/big';
      let started = Date.now();

      const streamed = await fetch(`http://${host}/v2/${name}/blobs/uploads/?digest=${digest}`, {
        method: 'POST',
        body: streamOf(generate(seed, BIG_BLOB)),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(201);
      console.info(`scale e2e: streamed push of 2 GiB in ${Date.now() - started} ms`);

      started = Date.now();
      const start = await fetch(`http://${host}/v2/library/big-chunked/blobs/uploads/`, { method: 'POST' });
      let location = start.headers.get('location')!;
      const blocksPerChunk = PATCH_CHUNK / BLOCK;
      for (let offset = 0; offset < BIG_BLOB; offset += PATCH_CHUNK) {
        const from = offset / BLOCK;
        const chunk = Buffer.concat([...generate(seed, (from + blocksPerChunk) * BLOCK, from)]);
        const res = await fetch(`http://${host}${location}`, {
          method: 'PATCH',
          headers: { 'Content-Range': `${offset}-${offset + chunk.length - 1}` },
          body: chunk,
        });
        expect(res.status).toBe(202);
        location = res.headers.get('location')!;
      }
      const closed = await fetch(`http://${host}${location}?digest=${digest}`, { method: 'PUT' });
      expect(closed.status).toBe(201);
      console.info(`scale e2e: chunked push of 2 GiB in ${Date.now() - started} ms`);

      started = Date.now();
      for (const repository of [name, 'library/big-chunked']) {
        const pulled = await fetch(`http://${host}/v2/${repository}/blobs/${digest}`);
        expect(pulled.status).toBe(200);
        expect(await hashBody(pulled)).toEqual({ digest, size: BIG_BLOB });
      }
      console.info(`scale e2e: two pulls of 2 GiB in ${Date.now() - started} ms`);

      const peak = await peakRss(child.pid!);
      console.info(`scale e2e: registry peak RSS ${(peak / MIB).toFixed(1)} MiB`);
      expect(peak).toBeLessThan(RSS_LIMIT_BYTES);
      await registry.stop();
    },
    BIG_TEST_TIMEOUT_MS,
  );
});
