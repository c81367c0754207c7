import { type IncomingMessage } from 'node:http';
import { OciError } from './oci-error';

/** Parses Content-Length, or returns undefined when it is absent (chunked transfer); a malformed value is an error. */
export function contentLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new OciError('SIZE_INVALID', { contentLength: raw });
  return Number(raw);
}

/**
 * Reads a request body into memory, refusing more than `limit` bytes with 413 before buffering them: the declared
 * length is checked first, and a body without one is cut off as soon as it exceeds the limit.
 */
export async function readBoundedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new OciError(
      'SIZE_INVALID',
      { limit, reason: `the body exceeds ${limit} bytes` },
      { status: 413, headers: { Connection: 'close' } },
    );
  const declared = contentLength(req);
  if (declared !== undefined && declared > limit) throw tooLarge();
  // Events rather than `for await`: leaving an async iterator early destroys the socket, and the 413 must still be sent.
  const chunks: Buffer[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        cleanup();
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve();
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
  if (declared !== undefined && total !== declared) {
    throw new OciError('SIZE_INVALID', { contentLength: declared, received: total });
  }
  return Buffer.concat(chunks, total);
}
