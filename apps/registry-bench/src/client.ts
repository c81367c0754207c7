/*
 * A minimal HTTP/1.1 client over node:http with keep-alive, used for both registries alike: bodies stream in from
 * async iterables with an exact Content-Length (fetch would send them chunked), and large responses are counted and
 * discarded instead of being buffered.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';

/** Sockets kept per registry: above the storm's concurrency of 32 so no request waits for a socket. */
const MAX_SOCKETS = 64;
const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });

/** A response: status, headers, and the body (kept when small and asked for, else only counted). */
export interface ClientResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  bytes: number;
}

/** What to send. */
export interface ClientRequest {
  method: string;
  url: string;
  headers?: Record<string, string | number>;
  body?: Buffer | AsyncIterable<Buffer>;
  /** Keep the response body (default); false counts it and drops it. */
  keepBody?: boolean;
}

/** Sends one request and resolves once the whole response has been read. */
export function send(req: ClientRequest): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (Buffer.isBuffer(req.body)) headers['Content-Length'] = req.body.length;
    else if (req.body === undefined && ['POST', 'PUT', 'PATCH'].includes(req.method)) headers['Content-Length'] = 0;
    const outgoing = request(req.url, { method: req.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (req.keepBody !== false) chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes }),
      );
      res.on('error', reject);
    });
    outgoing.on('error', reject);
    if (req.body === undefined) outgoing.end();
    else if (Buffer.isBuffer(req.body)) outgoing.end(req.body);
    else void pump(req.body, outgoing).catch((err: Error) => outgoing.destroy(err));
  });
}

async function pump(source: AsyncIterable<Buffer>, sink: import('node:http').ClientRequest): Promise<void> {
  for await (const chunk of source) {
    if (!sink.write(chunk)) await new Promise((resolve) => sink.once('drain', resolve));
  }
  sink.end();
}

/** Returns the sha256 digest of some bytes in the `sha256:<hex>` form. */
export const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** One MiB. */
export const MIB = 1024 * 1024;
/** The block a generated blob repeats, stamped per chunk so every blob and every chunk differ. */
const BLOCK = Buffer.alloc(MIB, 0).map((_, i) => (i * 2654435761) >>> 24);

/** Yields `mib` MiB of content unique to `seed`, one fresh 1 MiB chunk at a time (never the whole blob at once). */
export async function* generatedBlob(seed: string, mib: number, from = 0): AsyncGenerator<Buffer> {
  for (let i = from; i < mib; i++) {
    const chunk = Buffer.from(BLOCK);
    chunk.write(`${seed}:${i}:`.padEnd(64, '.'), 0, 'latin1');
    yield chunk;
  }
}

/** Computes the digest of a generated blob by generating it once. */
export async function generatedDigest(seed: string, mib: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of generatedBlob(seed, mib)) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

/** Runs `count` tasks with at most `concurrency` at once. */
export async function pool(concurrency: number, count: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Resolves a Location header against the registry's base URL. */
export function locationUrl(base: string, res: ClientResponse): string {
  const location = res.headers['location'];
  if (typeof location !== 'string') throw new Error(`no Location header (status ${res.status})`);
  return new URL(location, base).toString();
}

/** Appends query parameters to a URL that may already have some (upload Locations often do). */
export function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}
