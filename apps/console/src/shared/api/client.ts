import { API_BASE_PATH, type BerthClient, createBerthClient, totalCount } from '@berth/api-client';
import { ApiError, apiErrorFrom, networkError } from './api-error';
import { currentCsrfToken, rememberCsrfToken } from './csrf';

/** One page of a list and the total the API counted over all pages. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

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

/**
 * The same typed client rooted at the console's origin, for the session routes core-api serves outside `/api/v2.0`
 * (`/c/login`, `/c/log_out`; the document gives them their own `servers` entry, which openapi-fetch does not read).
 */
export const sessionClient: BerthClient = createBerthClient({
  baseUrl: origin(),
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
