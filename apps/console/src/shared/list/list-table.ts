import type { DataTableProps } from '@berth/console-ui';
import { errorMessage } from '../api/api-error';
import type { ListStateHandle } from './use-list-state';

/** What a list query holds that a table shows: one page of rows and the total over all pages. */
export interface ListPageData<T> {
  items: readonly T[];
  total: number;
}

/** The parts of a TanStack list query a table reads; a `useQuery` result fits. */
export interface ListQueryState<T> {
  data: ListPageData<T> | undefined;
  isPending: boolean;
  isPlaceholderData: boolean;
  isError: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
}

/** The DataTable props a server-paged list derives from its URL state and its query. */
export type ListTableProps<T> = Pick<
  DataTableProps<T>,
  | 'rows'
  | 'total'
  | 'page'
  | 'pageSize'
  | 'sort'
  | 'onSortChange'
  | 'onPageChange'
  | 'onPageSizeChange'
  | 'loading'
  | 'fetching'
  | 'error'
  | 'onRetry'
>;

/**
 * Wires a DataTable to a list kept in the URL and the query of its current page: rows and total from the answer,
 * paging and sorting written back to the URL, skeletons on the first load, dimmed rows while the next page loads,
 * and the failure with a retry. Spread it: `<DataTable label columns rowKey empty {...listTableProps(list, query)} />`.
 */
export function listTableProps<T>(list: ListStateHandle, query: ListQueryState<T>): ListTableProps<T> {
  return {
    rows: query.data?.items,
    total: query.data?.total,
    page: list.state.page,
    pageSize: list.state.pageSize,
    sort: list.state.sort,
    onSortChange: list.toggleSort,
    onPageChange: list.setPage,
    onPageSizeChange: list.setPageSize,
    loading: query.isPending,
    fetching: query.isPlaceholderData,
    error: query.isError ? errorMessage(query.error) : undefined,
    onRetry: () => void query.refetch(),
  };
}
