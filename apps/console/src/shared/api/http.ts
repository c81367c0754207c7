/** The base path of core-api's Harbor-shaped REST API. */
export const API_BASE = '/api/v2.0';

/** A request to the Berth API that did not produce a usable answer; `status` is what the user is shown. */
export class ApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: string,
  ) {
    super(`Cannot reach the Berth API: ${status}`);
    this.name = 'ApiError';
  }
}

/** Options for getJson: statuses other than 2xx whose body still carries the answer (e.g. 503 from health). */
export interface GetJsonOptions {
  acceptStatuses?: readonly number[];
  signal?: AbortSignal;
}

/** Fetches a JSON document from the Berth API and throws an ApiError describing any failure. */
export async function getJson<T>(path: string, { acceptStatuses = [], signal }: GetJsonOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(path, err instanceof Error ? err.message : String(err));
  }
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    throw new ApiError(path, `${response.status} ${response.statusText}`.trim());
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(path, `${response.status} with a body that is not JSON`);
  }
}
