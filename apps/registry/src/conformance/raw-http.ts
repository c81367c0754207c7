/*
 * Raw HTTP/1.1 over node:net for tests that must send what fetch would normalise or refuse to send: `..` and
 * percent-encoded segments kept verbatim, absolute-form targets, a Content-Length that lies, a body cut short.
 */
import { connect } from 'node:net';

/** What came back on the connection: the first response, parsed, or nothing when the registry closed or stalled. */
export interface RawResponse {
  /** The status code, or 0 when no complete status line arrived. */
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** True when the deadline passed before a complete response arrived. */
  timedOut: boolean;
}

/** How to send a raw request. */
export interface RawRequestOptions {
  /** Half-close the connection (FIN) right after writing, as a client whose body was cut short does. */
  halfClose?: boolean;
  /** Give up (and close the connection) after this long without a complete response. */
  timeoutMs?: number;
}

const DEFAULT_RAW_TIMEOUT_MS = 10_000;
const HEADER_END = '\r\n\r\n';

/** Builds a request head: request line, `Host`, the given headers, and the blank line. */
export function requestHead(method: string, target: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}${HEADER_END}`;
}

/** Parses the first complete response in `data`, or returns undefined while it is incomplete. */
function parseResponse(data: Buffer, head: boolean): Omit<RawResponse, 'timedOut'> | undefined {
  const end = data.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine?.split(' ')[1] ?? 0);
  // A response to HEAD, and a 204 or 304, never has a body whatever Content-Length says (RFC 9112 section 6.3).
  const length = head || status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? 0);
  const body = data.subarray(end + HEADER_END.length);
  if (body.length < length) return undefined;
  return { status, headers, body: body.subarray(0, length) };
}

/** Sends `payload` verbatim on a fresh connection to 127.0.0.1:`port` and resolves with the first response. */
export function rawRequest(
  port: number,
  payload: string | Buffer,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const head = Buffer.from(payload).subarray(0, 5).toString('latin1') === 'HEAD ';
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(payload);
      if (options.halfClose) socket.end();
    });
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parseResponse(Buffer.concat(chunks), head);
      resolve({ ...(parsed ?? { status: 0, headers: {}, body: Buffer.alloc(0) }), timedOut: timedOut && !parsed });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? DEFAULT_RAW_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (parseResponse(Buffer.concat(chunks), head)) finish(false);
    });
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
  });
}

/** Returns the `code` of every entry of an OCI error body, or an empty list when the body is not one. */
export function errorCodesOf(body: Buffer | string): string[] {
  try {
    const parsed = JSON.parse(body.toString()) as { errors?: { code?: unknown }[] };
    return (parsed.errors ?? []).map((e) => String(e.code));
  } catch {
    return [];
  }
}
