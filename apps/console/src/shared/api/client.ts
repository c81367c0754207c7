import { API_BASE_PATH, type BerthClient, CSRF_HEADER, createBerthClient, totalCount } from '@berth/api-client';
import { ApiError, apiErrorFrom, networkError } from './api-error';
import { currentCsrfToken, rememberCsrfToken } from './csrf';

/** Query values as the API takes them; undefined and empty strings are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/** One request to a route the generated client does not describe yet (see `apiRequest`). */
export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: QueryParams;
  /** A JSON body. */
  json?: unknown;
  /** A form body (`application/x-www-form-urlencoded`), as `/c/login` takes. */
  form?: Record<string, string>;
  signal?: AbortSignal;
  /** Further request headers. */
  headers?: Record<string, string>;
  /** `api` (default) prefixes `/api/v2.0`; `root` takes the path as is (`/c/login`). */
  base?: 'api' | 'root';
}

/** One page of a list and the total the API counted over all pages. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/** Calls the global fetch at call time (so tests can stub it) and remembers any CSRF token the answer carries. */
async function consoleFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && !init ? input : new Request(input, init);
  let response: Response;
  try {
    response = await globalThis.fetch(request);
  } catch (err) {
    if (request.signal.aborted) throw err;
    throw networkError(err);
  }
  rememberCsrfToken(response);
  return response;
}

function origin(): string {
  return window.location.origin;
}

/** The console's typed client of the Berth API, sending the session's CSRF token on unsafe methods. */
export const berthClient: BerthClient = createBerthClient({
  baseUrl: `${origin()}${API_BASE_PATH}`,
  fetch: consoleFetch,
  csrfToken: currentCsrfToken,
});

/** What openapi-fetch answers. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a typed-client answer, or throws the ApiError it amounts to. */
export function unwrap<T>(result: FetchResult<T>, acceptStatuses: readonly number[] = []): T {
  const { response } = result;
  if (!response.ok && !acceptStatuses.includes(response.status)) throw apiErrorFrom(response, result.error);
  const data = result.data ?? (result.error as T | undefined);
  if (data === undefined)
    throw new ApiError(`The Berth API answered ${response.status} without a body`, response.status);
  return data;
}

/** Returns one page of a typed-client list answer and the `X-Total-Count` of all pages, or throws its ApiError. */
export function unwrapList<T>(result: FetchResult<T[]>): ListPage<T> {
  const items = unwrap(result);
  return { items, total: totalCount(result.response) ?? items.length };
}

/** Throws the ApiError of a failed typed-client answer; for routes that answer without a body. */
export function expectOk(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) throw apiErrorFrom(result.response, result.error);
}

function buildUrl(path: string, { query, base = 'api' }: ApiRequest): string {
  const url = new URL(`${base === 'api' ? API_BASE_PATH : ''}${path}`, origin());
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Calls a route of the API that is not in `openapi.json` yet, with the same CSRF, error and base-URL handling as the
 * typed client; feature `api/` files wrap it in typed functions until the generated client describes the route.
 */
export async function apiRequest<T>(path: string, request: ApiRequest = {}): Promise<{ data: T; response: Response }> {
  const method = request.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json', ...request.headers });
  let body: string | undefined;
  if (request.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(request.form).toString();
  }
  const csrf = currentCsrfToken();
  if (csrf && UNSAFE_METHODS.has(method)) headers.set(CSRF_HEADER, csrf);
  const response = await consoleFetch(
    new Request(buildUrl(path, request), { method, headers, body, signal: request.signal, credentials: 'same-origin' }),
  );
  const data = await readBody(response);
  if (!response.ok) throw apiErrorFrom(response, data);
  return { data: data as T, response };
}

/** Fetches one page of a list route and the `X-Total-Count` of all pages. */
export async function apiList<T>(path: string, request: ApiRequest = {}): Promise<ListPage<T>> {
  const { data, response } = await apiRequest<T[] | undefined>(path, request);
  const items = data ?? [];
  return { items, total: totalCount(response) ?? items.length };
}
