/*
 * A minimal HTTP/1.1 client over node:http with keep-alive, used for both registries alike: bodies stream in from
 * async iterables with an exact Content-Length (fetch would send them chunked), and large responses are counted and
 * discarded instead of being buffered. Blob pulls use getDiscarding(), a bare socket reading into one reused buffer.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

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

/** The buffer getDiscarding() reads every response into: one per process, reused for every read. */
const DISCARD_BUFFER = Buffer.allocUnsafe(1024 * 1024);
/** The most response-head bytes getDiscarding() accepts before giving up on finding its end. */
const MAX_HEAD_BYTES = 64 * 1024;

/**
 * GETs a URL on a fresh connection and counts the body without keeping it, reading every chunk into one reused
 * buffer. node:http's client allocates a buffer per 64 KiB read and topped out near 1.1 GiB/s on loopback, below what
 * both registries serve, so pulls measured the client; curl and this reader measure the registries. It understands
 * only what blob pulls need: a Content-Length body, no redirects, no chunked encoding.
 */
export function getDiscarding(url: string): Promise<{ status: number; bytes: number }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let head = '';
    let status = 0;
    let length = -1;
    let bytes = 0;
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve({ status, bytes });
    };
    const onRead = (read: number, buffer: Buffer): boolean => {
      if (length >= 0) {
        bytes += read;
      } else {
        head += buffer.toString('latin1', 0, read);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > MAX_HEAD_BYTES) finish(new Error('no end of the response head'));
          return true;
        }
        status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
        const declared = /\r\ncontent-length: *(\d+)/i.exec(head.slice(0, end));
        if (!declared) {
          finish(new Error(`no Content-Length (status ${status})`));
          return false;
        }
        length = Number(declared[1]);
        bytes = head.length - end - 4;
      }
      if (bytes >= length) finish(bytes === length ? undefined : new Error(`${bytes} bytes, not ${length}`));
      return true;
    };
    const socket = connect(
      { host: target.hostname, port: Number(target.port), onread: { buffer: DISCARD_BUFFER, callback: onRead } },
      () => socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n\r\n`),
    );
    socket.on('error', finish);
    socket.on('end', () => finish(new Error(`the connection ended after ${bytes} of ${length} body bytes`)));
  });
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
