import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger } from '@berth/common';
import { REGISTRY_CONFIG, REGISTRY_LOGGER, type RegistryConfig } from '../registry.config';
import { toOciError } from './oci-error';
import { type Reply, type RequestContext } from './route';
import { RouteTable } from './route-table';
import { matchRoute } from './router';

/** The header distribution clients look for on every /v2/ response. */
export const API_VERSION_HEADER = { 'Docker-Distribution-API-Version': 'registry/2.0' } as const;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const DRAIN_POLL_MS = 50;

/** Takes the caller's X-Request-Id when it is a plain token, else makes one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Splits a request target into path and query without URL parsing, which would treat `//x` as a host. */
function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
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

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(REGISTRY_LOGGER) private readonly log: Logger,
    private readonly table: RouteTable,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Blob bodies can take longer than any fixed bound (multi-GB layers); idle sockets are still reaped by keep-alive.
    this.server.requestTimeout = 0;
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
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('Docker-Distribution-API-Version', API_VERSION_HEADER['Docker-Distribution-API-Version']);
    res.on('close', () => {
      this.inFlight.delete(res);
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

    try {
      await this.send(res, reply, req.method === 'HEAD', sent);
    } catch (err) {
      // The client went away or the storage stream failed mid-body; the status line is already out, so only log it.
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'response stream failed');
      res.destroy();
    }
  }

  private errorReply(err: unknown, log: Logger): Reply {
    const oci = toOciError(err);
    if (oci) {
      return {
        status: oci.status,
        headers: { ...oci.headers, 'Content-Type': 'application/json; charset=utf-8' },
        body: Buffer.from(JSON.stringify(oci.toBody())),
      };
    }
    log.error({ err }, 'unexpected error');
    return {
      status: 500,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
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
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          sent.bytes += chunk.length;
          callback(null, chunk);
        },
      });
      await pipeline(body, counter, res);
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
