import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingMessage, STATUS_CODES, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger } from '@berth/common';
import { FileBlobStream } from '@berth/storage';
import { REGISTRY_CONFIG, REGISTRY_LOGGER, type RegistryConfig } from '../registry.config';
import { OciError, toOciError } from './oci-error';
import { type Reply, type RequestContext } from './route';
import { RouteTable } from './route-table';
import { matchRoute } from './router';

/** The header distribution clients look for on every /v2/ response. */
export const API_VERSION_HEADER = { 'Docker-Distribution-API-Version': 'registry/2.0' } as const;

/**
 * How long a connection may stay silent in the middle of a request before the registry gives up on it: two minutes
 * without a single byte is a dead client (or one whose Content-Length promised more than it sends), not a slow one.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/**
 * How long an idle keep-alive connection stays open: Node's 5 s default races clients that reuse a connection after a
 * pause (the request meets the close: "socket hang up"); 65 s outlasts the 60 s idle timeout of common load balancers,
 * so the balancer, not the registry, closes first.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Unread body bytes the registry reads and discards before answering a request early (an error before the body was
 * consumed), so the client reads the answer instead of a TCP reset; Go's net/http drains 256 KiB for the same reason.
 */
const DRAIN_LIMIT_BYTES = 256 * 1024;
/** How long the registry waits for those bytes before answering anyway and closing the connection. */
const DRAIN_TIMEOUT_MS = 2_000;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const DRAIN_POLL_MS = 50;
const JSON_TYPE = 'application/json; charset=utf-8';
/** An absolute-form request target (RFC 9112 section 3.2.2): scheme and authority before the path. */
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?]*/;

/** Takes the caller's X-Request-Id when it is a plain token, else makes one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Splits a request target into path and query without URL parsing, which would treat `//x` as a host. An
 * absolute-form target (`http://host/v2/...`, which servers must accept) is reduced to its path and query.
 */
function splitTarget(raw: string): { path: string; query: URLSearchParams } {
  const origin = ABSOLUTE_FORM.exec(raw);
  const target = origin ? raw.slice(origin[0].length) || '/' : raw;
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/**
 * Reads and discards what is left of a request body, up to DRAIN_LIMIT_BYTES and DRAIN_TIMEOUT_MS, and tells whether
 * the whole body was read (so the connection can be kept alive); a larger or stalled body is left for the close.
 */
function drainBody(req: IncomingMessage): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  if (req.destroyed || Number(req.headers['content-length'] ?? 0) > DRAIN_LIMIT_BYTES) return Promise.resolve(false);
  return new Promise((resolve) => {
    let read = 0;
    const done = (whole: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError);
      if (!whole) req.pause();
      resolve(whole);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT_BYTES) done(false);
    };
    const onEnd = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(onError, DRAIN_TIMEOUT_MS);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onError);
    req.resume();
  });
}

/** The OciError answered when node's HTTP parser refuses what a client sent, or the connection went silent. */
function connectionError(code: string | undefined, idleMs: number): OciError {
  switch (code) {
    case 'HPE_INVALID_EOF_STATE':
      return new OciError('SIZE_INVALID', { reason: 'the connection ended before the body was complete' });
    case 'HPE_HEADER_OVERFLOW':
      return new OciError('UNSUPPORTED', { reason: 'the request headers are too large' }, { status: 431 });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new OciError('UNSUPPORTED', { reason: 'the request headers did not arrive in time' }, { status: 408 });
    case 'IDLE_TIMEOUT':
      return new OciError(
        'SIZE_INVALID',
        { reason: `no bytes arrived for ${idleMs} ms; the body is shorter than its Content-Length` },
        { status: 408 },
      );
    default:
      return new OciError('UNSUPPORTED', { reason: 'malformed HTTP request', parser: code }, { status: 400 });
  }
}

/** Serialises an error as a complete HTTP/1.1 response that closes the connection, for sockets without a request. */
function rawErrorResponse(error: OciError): string {
  const body = JSON.stringify(error.toBody());
  return [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}`,
    `Content-Type: ${JSON_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `Docker-Distribution-API-Version: ${API_VERSION_HEADER['Docker-Distribution-API-Version']}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * The registry's HTTP server: plain node:http with no body parser, so request and response bodies stream end to
 * end. It matches the route table, runs the guard chain and handler, maps errors through toOciError, and writes one
 * JSON access-log line per request. On shutdown it stops accepting and lets in-flight requests finish within the grace.
 */
@Injectable()
export class RegistryHttpServer implements BeforeApplicationShutdown {
  private readonly server: Server;
  private readonly inFlight = new Set<ServerResponse>();
  /** The response in progress on each connection, so a connection-level failure knows whether it may still answer. */
  private readonly current = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  private idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(REGISTRY_LOGGER) private readonly log: Logger,
    private readonly table: RouteTable,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Blob bodies can take longer than any fixed bound (multi-GB layers); idle sockets are still reaped by keep-alive.
    this.server.requestTimeout = 0;
    this.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    this.server.setTimeout(this.idleTimeoutMs);
    this.server.on('timeout', (socket: Socket) => this.refuseConnection(socket, 'IDLE_TIMEOUT'));
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) =>
      this.refuseConnection(socket, err.code),
    );
  }

  /** Sets how long a connection may stay silent mid-request before it is answered 408 and closed. */
  setIdleTimeout(ms: number): void {
    this.idleTimeoutMs = ms;
    this.server.setTimeout(ms);
  }

  /** Starts listening and resolves with the bound address (port 0 picks a free port). */
  async listen(port: number, host: string): Promise<AddressInfo> {
    this.server.listen(port, host);
    await once(this.server, 'listening');
    const address = this.server.address() as AddressInfo;
    this.log.info({ host: address.address, port: address.port }, 'registry listening');
    return address;
  }

  /** Stops accepting connections and waits for in-flight requests up to the grace period, then cuts the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const deadline = Date.now() + this.config.BERTH_REGISTRY_SHUTDOWN_GRACE_MS;
    while (this.inFlight.size > 0 && Date.now() < deadline) await sleep(DRAIN_POLL_MS);
    if (this.inFlight.size > 0) this.log.warn({ requests: this.inFlight.size }, 'grace period over, closing requests');
    this.server.closeAllConnections();
    await closed;
    this.log.info('registry stopped accepting requests');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const { path, query } = splitTarget(req.url ?? '/');
    const abort = new AbortController();
    const sent = { bytes: 0 };
    this.inFlight.add(res);
    this.current.set(req.socket, { req, res });
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('Docker-Distribution-API-Version', API_VERSION_HEADER['Docker-Distribution-API-Version']);
    res.on('close', () => {
      this.inFlight.delete(res);
      if (this.current.get(req.socket)?.res === res) this.current.delete(req.socket);
      if (!res.writableFinished) abort.abort();
      this.log.info(
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          bytes: sent.bytes,
          ms: Math.round((performance.now() - started) * 10) / 10,
          completed: res.writableFinished,
        },
        'request',
      );
    });
    const log = this.log.child({ requestId });

    let reply: Reply;
    try {
      const match = matchRoute(this.table.routes, req.method ?? '', path);
      const ctx: RequestContext = {
        req,
        method: match.method,
        path,
        query,
        params: match.params,
        requestId,
        log,
        signal: abort.signal,
      };
      for (const guard of match.route.guards) await guard(ctx);
      reply = await match.route.handler(ctx);
    } catch (err) {
      if (abort.signal.aborted) {
        // The client went away mid-request (typically mid-upload); nothing can be answered and nothing was stored.
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'client aborted the request');
        res.destroy();
        return;
      }
      reply = this.errorReply(err, log);
    }

    if (!req.complete && !(await drainBody(req)))
      reply = { ...reply, headers: { ...reply.headers, Connection: 'close' } };
    if (res.destroyed) return;
    try {
      await this.send(res, reply, req.method === 'HEAD', sent);
    } catch (err) {
      // The client went away or the storage stream failed mid-body; the status line is already out, so only log it.
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'response stream failed');
      res.destroy();
    }
  }

  /**
   * Ends a connection the parser refused or that went silent. While a request's body is still arriving, that request
   * is answered with the spec's error body (its handler then sees the body fail and stops); when the request is whole
   * and only its handler is still working, a silent client is left waiting and anything it pipelined after is
   * dropped once the response is out; a request the parser refused before it began is answered on the bare connection.
   */
  private refuseConnection(socket: Socket, code: string | undefined): void {
    const exchange = this.current.get(socket);
    if (exchange?.req.complete) {
      if (code === 'IDLE_TIMEOUT') return;
      exchange.res.shouldKeepAlive = false;
      exchange.res.once('close', () => socket.destroy());
      return;
    }
    // An idle connection between requests is simply closed: an unasked-for 408 could be read as the next answer.
    if (!socket.writable || exchange?.res.headersSent || (!exchange && code === 'IDLE_TIMEOUT')) {
      socket.destroy();
      return;
    }
    const error = connectionError(code, this.idleTimeoutMs);
    this.log.warn({ code, status: error.status, inFlight: exchange !== undefined }, 'connection refused');
    if (exchange) exchange.res.statusCode = error.status;
    socket.end(rawErrorResponse(error));
    socket.destroySoon();
  }

  private errorReply(err: unknown, log: Logger): Reply {
    const oci = toOciError(err);
    if (oci) {
      return {
        status: oci.status,
        headers: { ...oci.headers, 'Content-Type': JSON_TYPE },
        body: Buffer.from(JSON.stringify(oci.toBody())),
      };
    }
    log.error({ err }, 'unexpected error');
    return {
      status: 500,
      headers: { 'Content-Type': JSON_TYPE },
      body: Buffer.from(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'internal server error' }] })),
    };
  }

  /** Writes a reply, counting the body bytes that went out into `sent`. */
  private async send(res: ServerResponse, reply: Reply, head: boolean, sent: { bytes: number }): Promise<void> {
    const headers = { ...reply.headers };
    const body = reply.body;
    if (Buffer.isBuffer(body) && headers['Content-Length'] === undefined) headers['Content-Length'] = body.length;
    if (body === undefined && headers['Content-Length'] === undefined) headers['Content-Length'] = 0;
    res.writeHead(reply.status, headers);
    if (body instanceof Readable) {
      if (head) {
        body.destroy();
        res.end();
        return;
      }
      // A filesystem blob writes itself out through reused buffers, sparing the collector a buffer per chunk.
      if (body instanceof FileBlobStream) {
        await body.writeTo(res, (bytes) => (sent.bytes += bytes));
        res.end();
        return;
      }
      // A listener beside the pipe counts bytes without a Transform stage on the hot path of every pull.
      body.on('data', (chunk: Buffer) => (sent.bytes += chunk.length));
      await pipeline(body, res);
      return;
    }
    if (body === undefined || head) {
      res.end();
      return;
    }
    sent.bytes = body.length;
    res.end(body);
  }
}
