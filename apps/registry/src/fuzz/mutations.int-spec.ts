/*
 * Throws a few thousand seeded random mutations of valid requests at an in-process registry and asserts that none is
 * answered 5xx, none hangs, and afterwards nothing is visible that should not be. Replay a run with
 * BERTH_FUZZ_SEED=<seed>; BERTH_FUZZ_COUNT changes how many requests are sent.
 */
import { createHash, randomInt } from 'node:crypto';
import { rawRequest } from '../conformance/raw-http';
import {
  type SeededImage,
  type TestRegistry,
  pushBlob,
  seedImage,
  sha256,
  startTestRegistry,
  stillServes,
} from '../conformance/test-registry';
import { type FuzzContext, type FuzzRequest, Prng, mutatedRequest, serialise } from './mutations';

/** A few thousand requests: enough to hit every mutation on every endpoint many times in well under a minute. */
const DEFAULT_COUNT = 3_000;
/** Requests in flight at once: enough to interleave uploads and manifest pushes, gentle on a 2-core machine. */
const CONCURRENCY = 4;
/** A request without a complete answer after this long counts as a hang. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Upload sessions opened before the run, for PATCH/PUT/DELETE mutations to aim at. */
const SESSIONS = 8;
/** Failures printed in full when the run fails. */
const REPORTED_FAILURES = 20;

const seed = Number(process.env['BERTH_FUZZ_SEED'] ?? randomInt(2 ** 31));
const total = Number(process.env['BERTH_FUZZ_COUNT'] ?? DEFAULT_COUNT);

let reg: TestRegistry;
let image: SeededImage;
/** An image in a repository no mutation names: deletes and overwrites aimed at `image` are legitimate, not at this. */
let sentinel: SeededImage;
let ctx: FuzzContext;

beforeAll(async () => {
  reg = await startTestRegistry('registry_fuzz');
  image = await seedImage(reg.base, 'library/fuzz', 'v1', 'fuzz');
  sentinel = await seedImage(reg.base, 'library/sentinel', 'v1', 'sentinel');
  await pushBlob(reg.base, 'library/fuzz-other', Buffer.from('other repository'));
  const uploads: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const res = await fetch(`${reg.base}/v2/library/fuzz/blobs/uploads/`, { method: 'POST' });
    const location = res.headers.get('location');
    if (res.status === 202 && location) uploads.push(location);
  }
  ctx = {
    name: image.name,
    otherName: 'library/fuzz-other',
    tag: image.tag,
    manifestDigest: image.manifest.digest,
    manifestBody: image.manifest.body,
    layerDigest: image.layer.digest,
    layerBytes: image.layer.bytes,
    configDigest: image.config.digest,
    uploads,
  };
});

afterAll(async () => {
  await reg?.close();
});

interface Failure {
  request: FuzzRequest;
  status: number;
  timedOut: boolean;
  body: string;
}

const describeRequest = (f: Failure) =>
  `${f.request.method} ${f.request.target.slice(0, 160)} [${f.request.mutations.join('; ')}] -> ${
    f.timedOut ? 'no answer (hang)' : f.status === 0 ? 'connection closed without an answer' : f.status
  } ${f.body.slice(0, 200)}`;

it(`answers ${total} mutated requests with no 5xx and no hang`, async () => {
  console.info(`fuzz seed ${seed} (replay with BERTH_FUZZ_SEED=${seed}), ${total} requests`);
  const rng = new Prng(seed);
  const requests = Array.from({ length: total }, () => mutatedRequest(rng, ctx));
  const failures: Failure[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      // A client whose Content-Length promised more than it sent closes its side, as a cut connection would; others
      // keep the connection open until the answer, as real clients do.
      const halfClose = Number(request.headers['Content-Length'] ?? 0) > request.body.length;
      const res = await rawRequest(reg.port, serialise(request), { halfClose, timeoutMs: REQUEST_TIMEOUT_MS });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.timedOut || res.status === 0 || res.status >= 500) {
        failures.push({ request, status: res.status, timedOut: res.timedOut, body: res.body.toString() });
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.info(`fuzz: ${total} requests in ${Date.now() - started} ms; statuses ${summary.join(', ')}`);
  expect(failures.slice(0, REPORTED_FAILURES).map(describeRequest)).toEqual([]);
  expect(await stillServes(reg.base, sentinel)).toBe(true);
});

it('leaves nothing visible that should not be', async () => {
  const problems: string[] = [];

  const links = await reg.sql.query<{ repository: string; digest: string; size: string }>(
    `SELECT r.name AS repository, b.digest, b.size::text AS size
     FROM repository_blob rb JOIN repository r ON r.id = rb.repository_id JOIN blob b ON b.id = rb.blob_id`,
  );
  for (const { repository, digest, size } of links.rows) {
    const res = await fetch(`${reg.base}/v2/${repository}/blobs/${digest}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || sha256(bytes) !== digest || bytes.length !== Number(size)) {
      problems.push(
        `blob ${digest} in ${repository}: ${res.status}, ${bytes.length} bytes hashing to ${sha256(bytes)}`,
      );
    }
  }

  const manifests = await reg.sql.query<{ repository: string; digest: string }>(
    `SELECT r.name AS repository, m.digest FROM manifest m JOIN repository r ON r.id = m.repository_id`,
  );
  for (const { repository, digest } of manifests.rows) {
    const res = await fetch(`${reg.base}/v2/${repository}/manifests/${digest}`);
    const body = Buffer.from(await res.arrayBuffer());
    const actual = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    if (res.status !== 200 || actual !== digest) problems.push(`manifest ${digest} in ${repository}: ${res.status}`);
  }

  const dangling = await reg.sql.query<{ repository: string; manifest: string; blob: string }>(
    `SELECT r.name AS repository, m.digest AS manifest, b.digest AS blob
     FROM manifest_blob mb JOIN manifest m ON m.id = mb.manifest_id JOIN blob b ON b.id = mb.blob_id
     JOIN repository r ON r.id = m.repository_id
     WHERE NOT EXISTS (SELECT 1 FROM repository_blob rb WHERE rb.repository_id = m.repository_id AND rb.blob_id = b.id)`,
  );
  for (const row of dangling.rows) {
    problems.push(
      `manifest ${row.manifest} in ${row.repository} references ${row.blob}, which is not in the repository`,
    );
  }

  const tags = await reg.sql.query<{ repository: string; tag: string; digest: string }>(
    `SELECT r.name AS repository, t.name AS tag, m.digest
     FROM tag t JOIN repository r ON r.id = t.repository_id JOIN manifest m ON m.id = t.manifest_id`,
  );
  for (const { repository, tag, digest } of tags.rows) {
    const res = await fetch(`${reg.base}/v2/${repository}/manifests/${tag}`, { method: 'HEAD' });
    if (res.status !== 200 || res.headers.get('docker-content-digest') !== digest) {
      problems.push(`tag ${repository}:${tag}: ${res.status} ${res.headers.get('docker-content-digest')} != ${digest}`);
    }
  }

  const names = await reg.sql.query<{ name: string }>('SELECT name FROM repository');
  expect(names.rows.map((r) => r.name).sort()).toEqual(['library/fuzz', 'library/fuzz-other', 'library/sentinel']);
  expect(links.rows.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
