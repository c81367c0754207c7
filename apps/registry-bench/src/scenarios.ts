/*
 * The benchmark scenarios. Each measures a rate (higher is better), so the ratio Berth/Distribution reads the same way
 * for every row. A scenario whose endpoint a registry does not serve throws Unsupported with the status it got.
 */
import { randomBytes } from 'node:crypto';
import {
  type ClientResponse,
  MIB,
  generatedBlob,
  generatedDigest,
  getDiscarding,
  locationUrl,
  pool,
  send,
  sha256,
  withQuery,
} from './client';

/** A scenario that a registry answered with something other than success. */
export class Unsupported extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`unsupported (${status}): ${what}`);
  }
}

/** Settings shared by the scenarios. */
export interface BenchSettings {
  blobMib: number;
  chunkMib: number;
  stormSeconds: number;
  stormConcurrency: number;
  smallImages: number;
  smallConcurrency: number;
  tags: number;
  catalogRepositories: number;
  catalogPage: number;
  mounts: number;
}

/** One scenario: a name, the unit of its rate, the ratio target, an optional per-registry setup, and one round. */
export interface Scenario {
  id: string;
  title: string;
  unit: string;
  /** The least ratio Berth/Distribution that passes, from the issue (none where the issue sets none). */
  target?: number;
  setup?(base: string, s: BenchSettings): Promise<void>;
  run(base: string, s: BenchSettings, round: string): Promise<number>;
}

const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const CONFIG_TYPE = 'application/vnd.oci.image.config.v1+json';
const LAYER_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
/** Small layers of the small-image scenario: a few KiB, like the thin layers CI pipelines push. */
const SMALL_LAYER_BYTES = 4 * 1024;
/** Requests per tags/list or catalog measurement, enough to average out a single slow answer. */
const LIST_REPEATS = 20;
/** Setup concurrency for pushing many tags or repositories. */
const SETUP_CONCURRENCY = 8;

function expect(res: ClientResponse, ok: number[], what: string): ClientResponse {
  if (!ok.includes(res.status)) throw new Unsupported(res.status, `${what}: ${res.body.toString().slice(0, 200)}`);
  return res;
}

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

/** Pushes a blob the way most clients push small blobs: HEAD, then a monolithic POST ?digest= (or POST + PUT). */
async function pushSmallBlob(base: string, name: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const head = await send({ method: 'HEAD', url: `${base}/v2/${name}/blobs/${digest}` });
  if (head.status === 200) return digest;
  const post = await send({ method: 'POST', url: `${base}/v2/${name}/blobs/uploads/?digest=${digest}`, body: bytes });
  if (post.status === 201) return digest;
  // Distribution 2.8 ignores ?digest= on POST and opens a session; clients then PUT the bytes there.
  expect(post, [202], 'POST upload');
  const put = await send({ method: 'PUT', url: withQuery(locationUrl(base, post), { digest }), body: bytes });
  expect(put, [201], 'PUT upload');
  return digest;
}

async function pushImage(base: string, name: string, tag: string, seed: string, layers: number) {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed }));
  const configDigest = await pushSmallBlob(base, name, config);
  const layerDescriptors = [];
  for (let i = 0; i < layers; i++) {
    const bytes = Buffer.concat([Buffer.from(`${seed}:${i}:`), randomBytes(SMALL_LAYER_BYTES)]);
    layerDescriptors.push({
      mediaType: LAYER_TYPE,
      digest: await pushSmallBlob(base, name, bytes),
      size: bytes.length,
    });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_TYPE,
      config: { mediaType: CONFIG_TYPE, digest: configDigest, size: config.length },
      layers: layerDescriptors,
    }),
  );
  const put = await send({
    method: 'PUT',
    url: `${base}/v2/${name}/manifests/${tag}`,
    headers: { 'Content-Type': MANIFEST_TYPE },
    body: manifest,
  });
  expect(put, [201], 'PUT manifest');
  return { manifest, digest: sha256(manifest) };
}

/** Pushes a generated blob of `mib` MiB: POST, then PUT ?digest= with the whole body (the spec's monolithic push). */
async function pushLargeBlob(base: string, name: string, seed: string, mib: number): Promise<string> {
  const digest = await generatedDigest(seed, mib);
  const post = expect(await send({ method: 'POST', url: `${base}/v2/${name}/blobs/uploads/` }), [202], 'POST upload');
  const put = await send({
    method: 'PUT',
    url: withQuery(locationUrl(base, post), { digest }),
    headers: { 'Content-Length': mib * MIB, 'Content-Type': 'application/octet-stream' },
    body: generatedBlob(seed, mib),
  });
  expect(put, [201], 'PUT blob');
  return digest;
}

const pulled = new Map<string, string>();

/** The scenarios, in the order the issue lists them. */
export const SCENARIOS: Scenario[] = [
  {
    id: 'push',
    title: 'monolithic push, 256 MiB blob',
    unit: 'MiB/s',
    target: 1.0,
    run: async (base, s, round) => {
      const seed = `push-${round}`;
      await generatedDigest(seed, s.blobMib);
      const started = performance.now();
      await pushLargeBlob(base, 'library/bench-push', seed, s.blobMib);
      return s.blobMib / seconds(started);
    },
  },
  {
    id: 'chunked',
    title: `chunked push, 16 MiB chunks`,
    unit: 'MiB/s',
    target: 1.0,
    run: async (base, s, round) => {
      const seed = `chunked-${round}`;
      const digest = await generatedDigest(seed, s.blobMib);
      const started = performance.now();
      let url = locationUrl(
        base,
        expect(await send({ method: 'POST', url: `${base}/v2/library/bench-chunked/blobs/uploads/` }), [202], 'POST'),
      );
      for (let from = 0; from < s.blobMib; from += s.chunkMib) {
        const to = Math.min(from + s.chunkMib, s.blobMib);
        const patch = await send({
          method: 'PATCH',
          url,
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Length': (to - from) * MIB,
            'Content-Range': `${from * MIB}-${to * MIB - 1}`,
          },
          body: (async function* () {
            for await (const chunk of generatedBlob(seed, to, from)) yield chunk;
          })(),
        });
        url = locationUrl(base, expect(patch, [202], 'PATCH chunk'));
      }
      expect(await send({ method: 'PUT', url: withQuery(url, { digest }) }), [201], 'PUT close');
      return s.blobMib / seconds(started);
    },
  },
  {
    id: 'pull',
    title: 'blob pull, 256 MiB',
    unit: 'MiB/s',
    target: 1.0,
    setup: async (base, s) => {
      pulled.set(base, await pushLargeBlob(base, 'library/bench-pull', 'pull', s.blobMib));
    },
    run: async (base, s) => {
      const started = performance.now();
      const res = await getDiscarding(`${base}/v2/library/bench-pull/blobs/${pulled.get(base)}`);
      if (res.status !== 200) throw new Unsupported(res.status, 'GET blob');
      if (res.bytes !== s.blobMib * MIB) throw new Error(`pulled ${res.bytes} bytes`);
      return s.blobMib / seconds(started);
    },
  },
  {
    id: 'storm',
    title: 'HEAD+GET manifest storm, concurrency 32',
    unit: 'req/s',
    target: 1.2,
    setup: async (base) => {
      await pushImage(base, 'library/bench-storm', 'latest', 'storm', 1);
    },
    run: async (base, s) => {
      const deadline = performance.now() + s.stormSeconds * 1000;
      const started = performance.now();
      let requests = 0;
      const accept = { Accept: MANIFEST_TYPE };
      await pool(s.stormConcurrency, s.stormConcurrency, async () => {
        while (performance.now() < deadline) {
          const head = expect(
            await send({ method: 'HEAD', url: `${base}/v2/library/bench-storm/manifests/latest`, headers: accept }),
            [200],
            'HEAD manifest',
          );
          const digest = String(head.headers['docker-content-digest']);
          expect(
            await send({ method: 'GET', url: `${base}/v2/library/bench-storm/manifests/${digest}`, headers: accept }),
            [200],
            'GET manifest',
          );
          requests += 2;
        }
      });
      return requests / seconds(started);
    },
  },
  {
    id: 'small',
    title: '200 small images (3 layers), concurrency 8',
    unit: 'images/s',
    target: 1.2,
    run: async (base, s, round) => {
      const started = performance.now();
      await pool(s.smallConcurrency, s.smallImages, async (i) => {
        await pushImage(base, `library/bench-small-${round}-${i}`, 'v1', `small-${round}-${i}`, 3);
      });
      return s.smallImages / seconds(started);
    },
  },
  {
    id: 'tags',
    title: 'tags/list over 2,000 tags',
    unit: 'lists/s',
    target: 2.0,
    setup: async (base, s) => {
      const { manifest } = await pushImage(base, 'library/bench-tags', 't0', 'tags', 1);
      await pool(SETUP_CONCURRENCY, s.tags - 1, async (i) => {
        const tag = `t${String(i + 1).padStart(4, '0')}`;
        const put = await send({
          method: 'PUT',
          url: `${base}/v2/library/bench-tags/manifests/${tag}`,
          headers: { 'Content-Type': MANIFEST_TYPE },
          body: manifest,
        });
        expect(put, [201], 'PUT tag');
      });
    },
    run: async (base, s) => {
      const started = performance.now();
      for (let i = 0; i < LIST_REPEATS; i++) {
        const res = expect(
          await send({ method: 'GET', url: `${base}/v2/library/bench-tags/tags/list` }),
          [200],
          'tags/list',
        );
        const tags = (JSON.parse(res.body.toString()) as { tags: string[] }).tags;
        if (tags.length !== s.tags) throw new Error(`tags/list returned ${tags.length} tags, not ${s.tags}`);
      }
      return LIST_REPEATS / seconds(started);
    },
  },
  {
    id: 'catalog',
    title: '_catalog paging',
    unit: 'walks/s',
    target: 2.0,
    setup: async (base, s) => {
      await pool(SETUP_CONCURRENCY, s.catalogRepositories, async (i) => {
        await pushImage(base, `library/bench-catalog-${String(i).padStart(4, '0')}`, 'v1', `catalog-${i}`, 0);
      });
    },
    run: async (base, s) => {
      const started = performance.now();
      const walks = Math.max(1, Math.floor(LIST_REPEATS / 4));
      for (let i = 0; i < walks; i++) {
        let url: string | undefined = `${base}/v2/_catalog?n=${s.catalogPage}`;
        let seen = 0;
        while (url) {
          const res = expect(await send({ method: 'GET', url }), [200], '_catalog');
          seen += (JSON.parse(res.body.toString()) as { repositories: string[] }).repositories.length;
          const link = res.headers['link'];
          const next = typeof link === 'string' ? /<([^>]+)>/.exec(link)?.[1] : undefined;
          url = next ? new URL(next, base).toString() : undefined;
        }
        if (seen < s.catalogRepositories) throw new Error(`_catalog walked ${seen} repositories`);
      }
      return walks / seconds(started);
    },
  },
  {
    id: 'mount',
    title: '50 cross-repo mounts',
    unit: 'mounts/s',
    run: async (base, s, round) => {
      const from = `library/bench-mount-src-${round}`;
      const digests: string[] = [];
      for (let i = 0; i < s.mounts; i++) digests.push(await pushSmallBlob(base, from, randomBytes(SMALL_LAYER_BYTES)));
      const started = performance.now();
      await pool(4, s.mounts, async (i) => {
        const res = await send({
          method: 'POST',
          url: `${base}/v2/library/bench-mount-dst-${round}/blobs/uploads/?mount=${digests[i]}&from=${from}`,
        });
        expect(res, [201], 'mount');
      });
      return s.mounts / seconds(started);
    },
  },
];
