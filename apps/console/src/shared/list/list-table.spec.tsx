import { DataTable, type DataTableColumn } from '@berth/console-ui';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { currentUrl, renderRoutes } from '../test/render';
import { type ListQueryState, listTableProps } from './list-table';
import { NoMatches } from './no-matches';
import { useListState } from './use-list-state';

interface Row {
  id: number;
  name: string;
}

const COLUMNS: DataTableColumn<Row>[] = [{ key: 'name', header: 'Name', sortField: 'name', render: (row) => row.name }];

/** A list query's state as TanStack Query would report it; override the state under test. */
function queryState(overrides: Partial<ListQueryState<Row>> = {}): ListQueryState<Row> {
  return {
    data: { items: [{ id: 1, name: 'alpha' }], total: 60 },
    isPending: false,
    isPlaceholderData: false,
    isError: false,
    error: null,
    refetch: vi.fn(async () => undefined),
    ...overrides,
  };
}

function renderList(query: ListQueryState<Row>, url = '/rows') {
  function Harness() {
    const list = useListState({ sortable: ['name'], defaultSort: 'name', filters: ['public'] });
    return (
      <DataTable
        label="Rows"
        columns={COLUMNS}
        rowKey={(row) => row.id}
        {...listTableProps(list, query)}
        empty={<NoMatches title="No rows match" description="Try another search." onClear={list.clearFilters} />}
      />
    );
  }
  return renderRoutes([{ path: '/rows', element: <Harness /> }], url);
}

describe('listTableProps', () => {
  it('shows the answer’s rows and total at the URL’s page, and writes sorting and paging back to the URL', async () => {
    const { router } = renderList(queryState(), '/rows?page=2&size=10');
    const table = await screen.findByRole('table', { name: 'Rows' });
    expect(within(table).getByText('alpha')).toBeTruthy();
    expect(screen.getByText('11–11 of 60')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(currentUrl(router)).toBe('/rows?page=3&size=10');
    fireEvent.click(within(table).getByRole('button', { name: /Name/ }));
    expect(currentUrl(router)).toBe('/rows?size=10&sort=-name');
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), { target: { value: '50' } });
    expect(currentUrl(router)).toBe('/rows?size=50&sort=-name');
  });

  it('announces the first load, and shows a failure with a retry that refetches', async () => {
    renderList(queryState({ data: undefined, isPending: true }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Loading rows…');

    const refetch = vi.fn(async () => undefined);
    renderList(
      queryState({
        data: undefined,
        isPending: false,
        isError: true,
        error: new ApiError('LDAP is down', 503),
        refetch,
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load rows');
    expect(alert.textContent).toContain('LDAP is down');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('dims the rows while the next page loads', async () => {
    renderList(queryState({ isPlaceholderData: true }));
    expect((await screen.findByRole('table', { name: 'Rows' })).getAttribute('aria-busy')).toBe('true');
  });
});

describe('clearFilters', () => {
  it('clears the search, every filter and the page in one change, keeping the sort and page size', async () => {
    const { router } = renderList(
      queryState({ data: { items: [], total: 0 } }),
      '/rows?q=zzz&public=true&page=3&size=50&sort=-name',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Clear search' }));
    expect(currentUrl(router)).toBe('/rows?size=50&sort=-name');
  });
});
