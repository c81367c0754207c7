/** Page sizes the lists offer; the API caps `page_size` at 100. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The page size of a list whose URL names none. */
export const DEFAULT_PAGE_SIZE = 25;

/** Which way a list is sorted. */
export type SortDirection = 'asc' | 'desc';

/** The column a list is sorted by, and the direction. */
export interface SortState {
  field: string;
  direction: SortDirection;
}

/** Everything that decides which rows a list shows; kept in the URL so reloads, links and Back keep it. */
export interface ListState {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  sort?: SortState;
  /** The search box's text. */
  search: string;
  /** Further named filters, e.g. `public: 'true'`. */
  filters: Record<string, string>;
}

/** How a list reads and writes its state. */
export interface ListStateOptions {
  /** Columns the API can sort by; anything else in the URL is ignored. */
  sortable?: readonly string[];
  /** The sort when the URL names none, in Harbor's notation (`name`, `-creation_time`). */
  defaultSort?: string;
  defaultPageSize?: number;
  /** Names of further filters kept in the URL. */
  filters?: readonly string[];
}

/** The URL parameter names; short, since users see and share them. */
export const LIST_PARAMS = { page: 'page', pageSize: 'size', sort: 'sort', search: 'q' } as const;

/** Reads a sort in Harbor's notation (`-name` is descending), or undefined when the field may not be sorted by. */
export function parseSort(text: string | null | undefined, sortable: readonly string[] = []): SortState | undefined {
  if (!text) return undefined;
  const descending = text.startsWith('-');
  const field = descending ? text.slice(1) : text;
  if (!sortable.includes(field)) return undefined;
  return { field, direction: descending ? 'desc' : 'asc' };
}

/** Writes a sort in Harbor's notation. */
export function formatSort(sort: SortState): string {
  return sort.direction === 'desc' ? `-${sort.field}` : sort.field;
}

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d{1,6}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/** Reads a list's state from URL search parameters, falling back to the defaults for anything missing or invalid. */
export function readListState(params: URLSearchParams, options: ListStateOptions = {}): ListState {
  const sizeParam = positiveInt(params.get(LIST_PARAMS.pageSize));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam ?? -1)
    ? (sizeParam as number)
    : (options.defaultPageSize ?? DEFAULT_PAGE_SIZE);
  const filters: Record<string, string> = {};
  for (const name of options.filters ?? []) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return {
    page: positiveInt(params.get(LIST_PARAMS.page)) ?? 1,
    pageSize,
    sort: parseSort(params.get(LIST_PARAMS.sort), options.sortable) ?? parseSort(options.defaultSort, options.sortable),
    search: params.get(LIST_PARAMS.search) ?? '',
    filters,
  };
}

/**
 * Writes a change of list state into a copy of the URL's search parameters, leaving defaults out so URLs stay short
 * and leaving parameters the list does not own untouched.
 */
export function writeListState(
  params: URLSearchParams,
  state: ListState,
  options: ListStateOptions = {},
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | undefined) => (value ? next.set(name, value) : next.delete(name));
  set(LIST_PARAMS.page, state.page > 1 ? String(state.page) : undefined);
  set(
    LIST_PARAMS.pageSize,
    state.pageSize !== (options.defaultPageSize ?? DEFAULT_PAGE_SIZE) ? String(state.pageSize) : undefined,
  );
  const sort = state.sort ? formatSort(state.sort) : undefined;
  set(LIST_PARAMS.sort, sort !== options.defaultSort ? sort : undefined);
  set(LIST_PARAMS.search, state.search.trim() || undefined);
  for (const name of options.filters ?? []) set(name, state.filters[name]);
  return next;
}

/** The sort after a click on a column header: ascending first, then descending, then back to ascending. */
export function nextSort(current: SortState | undefined, field: string): SortState {
  if (current?.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: 'asc' };
}

/** Harbor's list parameters for a state: `page`, `page_size`, `sort` and a fuzzy `q` on the searched field. */
export interface HarborListParams {
  page: number;
  page_size: number;
  sort?: string;
  q?: string;
}

/** Turns a list state into Harbor's query parameters, searching `searchField` with a case-insensitive `=~` match. */
export function toHarborParams(state: ListState, searchField?: string): HarborListParams {
  const search = state.search.trim();
  return {
    page: state.page,
    page_size: state.pageSize,
    ...(state.sort ? { sort: formatSort(state.sort) } : {}),
    // The API percent-decodes q's values once more, so commas and braces in the text stay text.
    ...(search && searchField ? { q: `${searchField}=~${encodeURIComponent(search)}` } : {}),
  };
}
