/*
 * A seeded generator of mutated distribution requests: it starts from a valid request of each endpoint and applies a
 * few random mutations (method, path segments, digests, query parameters, headers, bodies). The same seed always
 * yields the same requests, so a failing run can be replayed with BERTH_FUZZ_SEED.
 */
import { MediaType } from '@berth/oci';

/** A raw request the fuzzer sends: everything verbatim, nothing normalised. */
export interface FuzzRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Buffer;
  /** What the mutations did, for the failure report. */
  mutations: string[];
}

/** What the generator knows of the registry's valid state, so valid requests can be built before mutating them. */
export interface FuzzContext {
  name: string;
  otherName: string;
  tag: string;
  manifestDigest: string;
  manifestBody: string;
  layerDigest: string;
  layerBytes: Buffer;
  configDigest: string;
  /** Open upload session locations to PATCH/PUT/DELETE. */
  uploads: string[];
}

/** A small fast PRNG (mulberry32): 32-bit state, good enough spread for test inputs, and reproducible. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** Returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Picks one element. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Returns `n` pseudo-random bytes. */
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

const HEX = '0123456789abcdef';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'FOO'];
const BAD_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '%2F',
  '..%2f..%2fetc',
  '',
  '%00',
  'UPPER',
  '-x',
  'a'.repeat(300),
  '%C3%A4',
  '~',
  '*',
];
const CONTENT_TYPES = [
  MediaType.OciManifest,
  MediaType.OciIndex,
  MediaType.DockerManifest,
  MediaType.DockerManifestList,
  'application/json',
  'application/octet-stream',
  'text/plain',
  'application/vnd.example.unknown+json',
  '',
  ';;;',
  `${MediaType.OciManifest}; charset=utf-8`,
];
const RANGES = [
  'bytes=0-0',
  'bytes=-1',
  'bytes=5-1',
  'bytes=0-',
  'bytes=999999999-',
  'bytes=-0',
  'bytes=a-b',
  'bits=0-1',
  'bytes=0-1,3-4',
  'bytes=18446744073709551616-',
];
const CONTENT_RANGES = ['0-0', '0-99', '5-1', 'bytes 0-10/*', '-1-5', 'x', '0-18446744073709551616', '1000000-1000001'];
const N_VALUES = ['0', '1', '-1', 'abc', '1e9', '99999999999999999999', '2147483648', '', '0x10'];
const LAST_VALUES = ['', 'v1', '%00', 'zzzz', 'a'.repeat(300), '..%2f', 'library/base', '%FF'];

/** Flips, truncates, re-cases or re-algorithms a digest. */
function mutateDigest(rng: Prng, digest: string): string {
  switch (rng.int(7)) {
    case 0: {
      const i = 7 + rng.int(digest.length - 7);
      return digest.slice(0, i) + rng.pick(HEX.split('').filter((c) => c !== digest[i])) + digest.slice(i + 1);
    }
    case 1:
      return digest.slice(0, rng.int(digest.length));
    case 2:
      return digest.toUpperCase();
    case 3:
      return digest.replace('sha256', rng.pick(['sha512', 'md5', 'SHA256', 'sha256+b64u', '']));
    case 4:
      return `${digest}${rng.pick(['0', '/', '%2f', '?', '..'])}`;
    case 5:
      return rng.pick(['', ':', 'sha256:', 'sha256:..%2f..%2f']);
    default:
      return digest.replace(':', rng.pick(['%3A', '%3a', '::', '']));
  }
}

/** Builds one valid request of a random endpoint. */
function validRequest(rng: Prng, ctx: FuzzContext): FuzzRequest {
  const manifestPut = (ref: string): FuzzRequest => ({
    method: 'PUT',
    target: `/v2/${ctx.name}/manifests/${ref}`,
    headers: { 'Content-Type': MediaType.OciManifest },
    body: Buffer.from(ctx.manifestBody),
    mutations: [],
  });
  const base = (method: string, target: string, body: Buffer = Buffer.alloc(0)): FuzzRequest => ({
    method,
    target,
    headers: {},
    body,
    mutations: [],
  });
  const session = ctx.uploads.length > 0 ? rng.pick(ctx.uploads) : `/v2/${ctx.name}/blobs/uploads/unknown`;
  switch (rng.int(14)) {
    case 0:
      return base(rng.pick(['GET', 'HEAD']), `/v2/${ctx.name}/manifests/${ctx.tag}`);
    case 1:
      return base(rng.pick(['GET', 'HEAD']), `/v2/${ctx.name}/manifests/${ctx.manifestDigest}`);
    case 2:
      return manifestPut(ctx.tag);
    case 3:
      return manifestPut(ctx.manifestDigest);
    case 4:
      return base(rng.pick(['GET', 'HEAD']), `/v2/${ctx.name}/blobs/${ctx.layerDigest}`);
    case 5:
      return base('POST', `/v2/${ctx.name}/blobs/uploads/?digest=${ctx.layerDigest}`, ctx.layerBytes);
    case 6:
      return base('POST', `/v2/${ctx.name}/blobs/uploads/`);
    case 7:
      return { ...base('PATCH', session, ctx.layerBytes.subarray(0, 64)), headers: { 'Content-Range': '0-63' } };
    case 8:
      return base('PUT', `${session}?digest=${ctx.layerDigest}`, ctx.layerBytes);
    case 9:
      return base('GET', session);
    case 10:
      return base('GET', `/v2/${ctx.name}/tags/list?n=2&last=${ctx.tag}`);
    case 11:
      return base('GET', '/v2/_catalog?n=5');
    case 12:
      return base('POST', `/v2/${ctx.otherName}/blobs/uploads/?mount=${ctx.layerDigest}&from=${ctx.name}`);
    default:
      return base('GET', `/v2/${ctx.name}/referrers/${ctx.manifestDigest}`);
  }
}

/** Applies one random mutation in place and records it. */
function mutate(rng: Prng, req: FuzzRequest, ctx: FuzzContext): void {
  const [path, query = ''] = req.target.split('?', 2) as [string, string?];
  const note = (what: string) => req.mutations.push(what);
  switch (rng.int(12)) {
    case 0: {
      req.method = rng.pick(METHODS);
      note(`method ${req.method}`);
      return;
    }
    case 1: {
      const segments = path.split('/');
      const i = 2 + rng.int(Math.max(segments.length - 2, 1));
      segments[i] = rng.pick(BAD_SEGMENTS);
      req.target = segments.join('/') + (query ? `?${query}` : '');
      note(`segment ${i} -> ${segments[i]?.slice(0, 20)}`);
      return;
    }
    case 2: {
      const digests = [ctx.layerDigest, ctx.manifestDigest, ctx.configDigest];
      const found = digests.find((d) => req.target.includes(d));
      if (!found) return mutate(rng, req, ctx);
      const replacement = mutateDigest(rng, found);
      req.target = req.target.split(found).join(replacement);
      note(`digest -> ${replacement.slice(0, 30)}`);
      return;
    }
    case 3: {
      const params = new URLSearchParams(query);
      const key = rng.pick(['n', 'last', 'digest', 'mount', 'from']);
      const value =
        key === 'n'
          ? rng.pick(N_VALUES)
          : key === 'last'
            ? rng.pick(LAST_VALUES)
            : key === 'from'
              ? rng.pick([ctx.otherName, 'Library/X', '..', '', 'nosuch/project', '%2e%2e'])
              : mutateDigest(rng, ctx.layerDigest);
      params.set(key, value);
      req.target = `${path}?${params.toString().replace(/%25/g, '%')}`;
      note(`query ${key}=${value.slice(0, 20)}`);
      return;
    }
    case 4:
      req.headers['Content-Type'] = rng.pick(CONTENT_TYPES);
      note(`content-type ${req.headers['Content-Type']}`);
      return;
    case 5: {
      const lie = rng.pick([-1, 1, -req.body.length, 1000, 2 ** 31]);
      req.headers['Content-Length'] = String(Math.max(req.body.length + lie, 0));
      note(`content-length lies by ${lie}`);
      return;
    }
    case 6:
      req.headers['Range'] = rng.pick(RANGES);
      note(`range ${req.headers['Range']}`);
      return;
    case 7:
      req.headers['Content-Range'] = rng.pick(CONTENT_RANGES);
      note(`content-range ${req.headers['Content-Range']}`);
      return;
    case 8:
      req.headers['Accept'] = rng.pick([...CONTENT_TYPES, '*/*', 'application/*;q=0', 'x'.repeat(2000)]);
      note('accept');
      return;
    case 9: {
      const keep = rng.int(Math.max(req.body.length, 1));
      req.body = req.body.subarray(0, keep);
      note(`body truncated to ${keep}`);
      return;
    }
    case 10: {
      req.body = Buffer.concat([req.body, rng.bytes(1 + rng.int(4096))]);
      note('body extended');
      return;
    }
    default: {
      if (req.body.length === 0) req.body = Buffer.from(ctx.manifestBody);
      const body = Buffer.from(req.body);
      const flips = 1 + rng.int(3);
      for (let i = 0; i < flips; i++) {
        const at = rng.int(body.length);
        body[at] = (body[at] ?? 0) ^ (1 << rng.int(8));
      }
      req.body = body;
      note(`${flips} bit flips`);
    }
  }
}

/** Builds the raw bytes of a request; Content-Length is the body's unless a mutation made it lie. */
export function serialise(req: FuzzRequest): Buffer {
  const headers = { 'Content-Length': String(req.body.length), ...req.headers, Connection: 'close' };
  const head = [`${req.method} ${req.target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), req.body]);
}

/** Generates one mutated request: a valid request of a random endpoint with one to three mutations. */
export function mutatedRequest(rng: Prng, ctx: FuzzContext): FuzzRequest {
  const req = validRequest(rng, ctx);
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i++) mutate(rng, req, ctx);
  return req;
}
