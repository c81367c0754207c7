import { type HarborListParams, type ListState, formatSort } from '../../../shared/list/list-state';

/*
 * Builders of Harbor's `q` filter terms. The API percent-decodes each value once more after the query string, so
 * values are encoded here: a comma, brace or tilde typed by the user stays text instead of becoming syntax.
 */

/** A case-insensitive substring term `key=~text`, or undefined for empty text. */
export function fuzzyTerm(key: string, text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? `${key}=~${encodeURIComponent(trimmed)}` : undefined;
}

/** An exact term `key=value`, or undefined for no value. */
export function exactTerm(key: string, value: string | undefined): string | undefined {
  return value ? `${key}=${encodeURIComponent(value)}` : undefined;
}

/** An inclusive range term `key=[min~max]` with either end open, or undefined when both are missing. */
export function rangeTerm(key: string, min: string | undefined, max: string | undefined): string | undefined {
  if (!min && !max) return undefined;
  return `${key}=[${min ? encodeURIComponent(min) : ''}~${max ? encodeURIComponent(max) : ''}]`;
}

/** Joins terms into one `q`, or undefined when there are none. */
export function joinQ(...terms: (string | undefined)[]): string | undefined {
  const present = terms.filter((term): term is string => term !== undefined);
  return present.length > 0 ? present.join(',') : undefined;
}

/** Harbor's paging and sort parameters of a list state, with a `q`. */
export function listParams(state: ListState, q: string | undefined): HarborListParams {
  return {
    page: state.page,
    page_size: state.pageSize,
    ...(state.sort ? { sort: formatSort(state.sort) } : {}),
    ...(q ? { q } : {}),
  };
}
