import { OciError } from '../http/oci-error';

/** The `n` and `last` query parameters of a paginated listing. */
export interface PageRequest {
  /** How many entries were asked for, or null when `n` is absent. */
  n: number | null;
  /** The entry to start after; '' (before every name) when `last` is absent. */
  last: string;
}

const NON_NEGATIVE_INTEGER = /^\d+$/;

/**
 * Parses `n` and `last`. `n` must be a non-negative integer; a value past Number.MAX_SAFE_INTEGER asks for everything
 * and is clamped to it. A malformed `n`, or a `last` holding NUL, is the spec's UNSUPPORTED ("invalid set of
 * parameters") with 400.
 */
export function parsePageRequest(query: URLSearchParams): PageRequest {
  const rawN = query.get('n');
  let n: number | null = null;
  if (rawN !== null) {
    if (!NON_NEGATIVE_INTEGER.test(rawN)) {
      throw new OciError('UNSUPPORTED', { n: rawN, reason: 'n must be a non-negative integer' }, { status: 400 });
    }
    n = Math.min(Number(rawN), Number.MAX_SAFE_INTEGER);
  }
  const last = query.get('last') ?? '';
  // No tag or repository name can hold NUL, and Postgres text cannot carry it: refuse it instead of failing the query.
  if (last.includes('\u0000')) {
    throw new OciError('UNSUPPORTED', { reason: 'last must not contain NUL' }, { status: 400 });
  }
  return { n, last };
}

/** Builds the RFC 8288 `Link` header to the next page: `<path?n=<n>&last=<last>>; rel="next"`, relative to the host. */
export function nextPageLink(path: string, n: number, last: string): string {
  return `<${path}?n=${n}&last=${encodeURIComponent(last)}>; rel="next"`;
}
