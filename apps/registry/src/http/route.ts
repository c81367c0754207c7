import { type IncomingMessage } from 'node:http';
import { type Readable } from 'node:stream';
import { type RegistryTokenClaims } from '@berth/auth';
import { type RepositoryName } from '@berth/oci';
import { type Logger } from '@berth/common';

/** The HTTP methods the registry routes. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler sees of one request. */
export interface RequestContext {
  req: IncomingMessage;
  method: HttpMethod;
  /** The raw path, without the query string (never decoded: names and digests contain no escapes). */
  path: string;
  query: URLSearchParams;
  /** The named groups of the route pattern. */
  params: Record<string, string>;
  /** The repository name, set by the validName guard on routes under /v2/<name>/. */
  name?: RepositoryName;
  requestId: string;
  log: Logger;
  /** Aborted when the client goes away before the response is complete. */
  signal: AbortSignal;
  /** The verified bearer token, set by the auth guards (absent with BERTH_REGISTRY_AUTH=none). */
  token?: RegistryTokenClaims;
  /** Set by the catalog guard: the projects whose repositories the caller may list, or `*` (also without auth). */
  catalogProjects?: readonly string[] | '*';
}

/** What a handler answers: status, headers and an optional body (bytes, or a stream that is piped out). */
export interface Reply {
  status: number;
  headers?: Record<string, string | number>;
  body?: Buffer | Readable;
}

/** A step that runs before a route's handler and throws an OciError to refuse the request. */
export type Guard = (ctx: RequestContext) => void | Promise<void>;

/** Serves one route. */
export type Handler = (ctx: RequestContext) => Promise<Reply>;

/** One row of the route table. */
export interface Route {
  name: string;
  methods: readonly HttpMethod[];
  pattern: RegExp;
  guards: readonly Guard[];
  handler: Handler;
}
