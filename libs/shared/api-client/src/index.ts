import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Header carrying the CSRF token on state-changing requests made with the session cookie (as core-api expects). */
export const CSRF_HEADER = 'X-Harbor-CSRF-Token';

/** Header with the number of items on all pages of a list answer. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** The API's base path on the console's own origin. */
export const API_BASE_PATH = '/api/v2.0';

/** Harbor's error body, as every failed call answers it. */
export type ApiErrors = components['schemas']['Errors'];

/** A typed client of the Berth REST API. */
export type BerthClient = Client<paths>;

/** Settings of `createBerthClient`. */
export interface BerthClientOptions {
  /** Where the API lives, including `/api/v2.0`: `API_BASE_PATH` in the console, an absolute URL elsewhere. */
  baseUrl: string;
  /** The fetch to use (tests, server-side callers); the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** The session's CSRF token, or a function reading the current one, sent on POST, PUT, PATCH and DELETE. */
  csrfToken?: string | (() => string | undefined);
}

/** Methods that change state, which need the CSRF header when the session cookie authenticates them. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Creates a typed client: `client.GET('/systeminfo')` answers `{ data, error, response }` typed from the document. */
export function createBerthClient(options: BerthClientOptions): BerthClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: 'same-origin',
  });
  const { csrfToken } = options;
  if (csrfToken !== undefined) {
    const csrf: Middleware = {
      onRequest({ request }) {
        const token = typeof csrfToken === 'function' ? csrfToken() : csrfToken;
        if (token && UNSAFE_METHODS.has(request.method)) request.headers.set(CSRF_HEADER, token);
        return request;
      },
    };
    client.use(csrf);
  }
  return client;
}

/** Reads `X-Total-Count` of a list answer, or undefined when the answer has none. */
export function totalCount(response: Response): number | undefined {
  const value = response.headers.get(TOTAL_COUNT_HEADER);
  return value === null || !/^\d+$/.test(value) ? undefined : Number(value);
}
