import type { ApiErrors } from '@berth/api-client';

/** HTTP statuses the console reacts to by name. */
export const HttpStatus = {
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  PreconditionFailed: 412,
  TooManyRequests: 429,
  ServiceUnavailable: 503,
} as const;

/** A failed API call, carrying the message to show the user (the API's own when it gave one). */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when the API could not be reached at all. */
    readonly status: number,
    /** Harbor's error code (`NOT_EMPTY`, `CONFLICT`…), when the body had one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Tells whether a value is an ApiError with the given status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

function isHarborErrors(body: unknown): body is ApiErrors {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return false;
  const { errors } = body as { errors: unknown };
  return Array.isArray(errors) && errors.length > 0;
}

/** Builds the ApiError of a failed answer from Harbor's `{"errors":[{code,message}]}` body or, failing that, the status. */
export function apiErrorFrom(response: Response, body: unknown): ApiError {
  if (isHarborErrors(body)) {
    const [first] = body.errors;
    return new ApiError(first.message || statusText(response), response.status, first.code);
  }
  return new ApiError(`The Berth API answered ${statusText(response)}`, response.status);
}

/** Builds the ApiError of a request that never got an answer. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(`Cannot reach the Berth API: ${cause instanceof Error ? cause.message : String(cause)}`, 0);
}

function statusText(response: Response): string {
  return `${response.status} ${response.statusText}`.trim();
}

/** Says in words what went wrong, for notifications and inline alerts. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
