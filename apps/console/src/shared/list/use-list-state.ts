import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  type ListState,
  type ListStateOptions,
  type SortState,
  nextSort,
  readListState,
  writeListState,
} from './list-state';

/** A list's state read from the URL, and the setters that write it back. */
export interface ListStateHandle {
  state: ListState;
  setPage(page: number): void;
  /** Changes the page size and goes back to the first page. */
  setPageSize(pageSize: number): void;
  /** Sorts by a column, toggling the direction when it already is the sort column; goes back to the first page. */
  toggleSort(field: string): void;
  setSort(sort: SortState | undefined): void;
  /** Changes the search text and goes back to the first page. */
  setSearch(search: string): void;
  /** Changes one named filter (undefined removes it) and goes back to the first page. */
  setFilter(name: string, value: string | undefined): void;
  /**
   * Clears the search and every named filter and goes back to the first page, in one change of the URL: calling
   * `setSearch` then `setFilter` would not do, as each starts from the same render's URL and the last one wins.
   */
  clearFilters(): void;
}

/**
 * Keeps a list's paging, sort, search and filters in the URL's search parameters, so the list survives reloads, can
 * be linked to, and Back undoes the last change of page. Searching and filtering replace the history entry rather
 * than adding one per keystroke.
 */
export function useListState(options: ListStateOptions = {}): ListStateHandle {
  const [params, setParams] = useSearchParams();
  const { defaultSort, defaultPageSize } = options;
  // The arrays are usually literals, new on every render: key the options on their contents instead.
  const sortableKey = options.sortable?.join(',') ?? '';
  const filtersKey = options.filters?.join(',') ?? '';
  const stableOptions = useMemo<ListStateOptions>(
    () => ({
      sortable: sortableKey ? sortableKey.split(',') : [],
      defaultSort,
      defaultPageSize,
      filters: filtersKey ? filtersKey.split(',') : [],
    }),
    [sortableKey, defaultSort, defaultPageSize, filtersKey],
  );
  const state = useMemo(() => readListState(params, stableOptions), [params, stableOptions]);

  const update = useCallback(
    (change: (current: ListState) => ListState, replace = false) =>
      setParams((current) => writeListState(current, change(readListState(current, stableOptions)), stableOptions), {
        replace,
      }),
    [setParams, stableOptions],
  );

  return useMemo<ListStateHandle>(
    () => ({
      state,
      setPage: (page) => update((s) => ({ ...s, page })),
      setPageSize: (pageSize) => update((s) => ({ ...s, pageSize, page: 1 })),
      toggleSort: (field) => update((s) => ({ ...s, sort: nextSort(s.sort, field), page: 1 })),
      setSort: (sort) => update((s) => ({ ...s, sort, page: 1 })),
      setSearch: (search) => update((s) => ({ ...s, search, page: 1 }), true),
      setFilter: (name, value) =>
        update((s) => {
          const next = { ...s.filters };
          if (value) next[name] = value;
          else delete next[name];
          return { ...s, filters: next, page: 1 };
        }, true),
      clearFilters: () => update((s) => ({ ...s, search: '', filters: {}, page: 1 }), true),
    }),
    [state, update],
  );
}
