import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Pagination,
  Skeleton,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';

/** Rows of placeholders shown while the first page loads. */
const SKELETON_ROWS = 3;

/** The page sizes offered when the caller names none; the API caps `page_size` at 100. */
export const DEFAULT_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

/** The column and direction a table is sorted by. */
export interface DataTableSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** One column of a DataTable. */
export interface DataTableColumn<T> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  /** The API's name of the field to sort by; makes the header a sort button. */
  sortField?: string;
  render(row: T): ReactNode;
  align?: 'left' | 'center' | 'right';
  width?: number | string;
}

/** Props of DataTable. */
export interface DataTableProps<T> {
  /** The table's accessible name, e.g. "Projects". */
  label: string;
  columns: readonly DataTableColumn<T>[];
  /** This page's rows; undefined before the first answer. */
  rows: readonly T[] | undefined;
  rowKey(row: T): string | number;
  /** Rows on all pages, as the API counted them (`X-Total-Count`). */
  total: number | undefined;
  page: number;
  pageSize: number;
  pageSizes?: readonly number[];
  sort?: DataTableSort;
  onSortChange?(field: string): void;
  onPageChange(page: number): void;
  onPageSizeChange(pageSize: number): void;
  /** True while the first answer is awaited. */
  loading?: boolean;
  /** True while a newer page is fetched and the rows shown are the previous ones. */
  fetching?: boolean;
  /** Why the rows could not be loaded, shown in an alert above the table. */
  error?: ReactNode;
  onRetry?(): void;
  /** What to show when there are no rows: say what to do next. */
  empty: ReactNode;
}

function ariaSort(column: { sortField?: string }, sort: DataTableSort | undefined) {
  if (!column.sortField) return undefined;
  if (sort?.field !== column.sortField) return 'none' as const;
  return sort.direction === 'asc' ? ('ascending' as const) : ('descending' as const);
}

function SortIcon({ active, direction }: { active: boolean; direction?: 'asc' | 'desc' }) {
  if (!active) return <IconArrowsSort size={14} aria-hidden opacity={0.5} />;
  return direction === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />;
}

/** Describes which rows are on screen, e.g. "26–50 of 312". */
export function describeRange(page: number, pageSize: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${total}`;
  const first = (page - 1) * pageSize + 1;
  return `${first}–${first + shown - 1} of ${total}`;
}

/**
 * A table whose rows the server pages, sorts and filters: sortable headers (with `aria-sort`), the total count, the
 * page size, pagination, and states for loading, refreshing, failure and no rows. It holds no state: the caller keeps
 * it (in the URL) and answers the callbacks.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, columns, rows, rowKey, total, page, pageSize, sort, onSortChange, onPageChange } = props;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));

  // A page past the end (after deleting the last row of the last page, or an old link) moves to the last page.
  useEffect(() => {
    if (pages !== undefined && page > pages && total !== undefined && total > 0) onPageChange(pages);
  }, [page, pages, total, onPageChange]);

  let body: ReactNode;
  if (props.loading && !rows) {
    body = Array.from({ length: SKELETON_ROWS }, (_, i) => (
      <Table.Tr key={`skeleton-${i}`}>
        {columns.map((column) => (
          <Table.Td key={column.key}>
            <Skeleton height={12} radius="sm" />
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  } else if (rows && rows.length === 0 && !props.error) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columns.length}>{props.empty}</Table.Td>
      </Table.Tr>
    );
  } else {
    body = (rows ?? []).map((row) => (
      <Table.Tr key={rowKey(row)}>
        {columns.map((column) => (
          <Table.Td key={column.key} ta={column.align}>
            {column.render(row)}
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  }

  return (
    <div>
      {props.error ? (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} />}
          role="alert"
          mb="sm"
          title={`Could not load ${label.toLowerCase()}`}
        >
          <Group justify="space-between" gap="sm">
            <span>{props.error}</span>
            {props.onRetry ? (
              <Button size="xs" variant="light" color="red" onClick={props.onRetry}>
                Try again
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      {props.loading && !rows ? <VisuallyHidden role="status">Loading {label.toLowerCase()}…</VisuallyHidden> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table
          aria-label={label}
          aria-busy={props.loading || props.fetching ? true : undefined}
          highlightOnHover
          verticalSpacing="xs"
          style={{ opacity: props.fetching ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const active = sort?.field === column.sortField;
                return (
                  <Table.Th key={column.key} aria-sort={ariaSort(column, sort)} w={column.width} ta={column.align}>
                    {column.sortField && onSortChange ? (
                      <UnstyledButton
                        onClick={() => onSortChange(column.sortField as string)}
                        fw={600}
                        fz="sm"
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                      >
                        {column.header}
                        <SortIcon active={active} direction={sort?.direction} />
                      </UnstyledButton>
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total !== undefined && total > 0 ? (
        <Group justify="space-between" mt="sm" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {describeRange(page, pageSize, rows?.length ?? 0, total)}
          </Text>
          <Group gap="sm">
            <NativeSelect
              aria-label="Rows per page"
              size="xs"
              value={String(pageSize)}
              data={(props.pageSizes ?? DEFAULT_PAGE_SIZES).map((size) => ({
                value: String(size),
                label: `${size} per page`,
              }))}
              onChange={(event) => props.onPageSizeChange(Number(event.currentTarget.value))}
            />
            {pages !== undefined && pages > 1 ? (
              <Pagination
                size="sm"
                total={pages}
                value={Math.min(page, pages)}
                onChange={onPageChange}
                aria-label={`Pages of ${label.toLowerCase()}`}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
                getControlProps={(control) => ({ 'aria-label': `${control[0].toUpperCase()}${control.slice(1)} page` })}
              />
            ) : null}
          </Group>
        </Group>
      ) : null}
    </div>
  );
}
