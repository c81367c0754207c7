import { DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentUrl, renderRoutes } from '../test/render';
import { type ListState, readListState, toHarborParams, writeListState } from './list-state';
import { useListState } from './use-list-state';

interface Row {
  id: number;
  name: string;
}

/** 57 rows, so that 25 per page makes three pages with a short last one. */
const ROWS: Row[] = Array.from({ length: 57 }, (_, i) => ({
  id: i + 1,
  name: `project-${String(i + 1).padStart(2, '0')}`,
}));

/** Plays the server: filters, sorts and pages the rows as the API would for the list state. */
function serverPage(state: ListState) {
  const matching = ROWS.filter((row) => row.name.includes(state.search.trim()));
  const sorted = [...matching].sort((a, b) => a.name.localeCompare(b.name));
  if (state.sort?.direction === 'desc') sorted.reverse();
  const start = (state.page - 1) * state.pageSize;
  return { items: sorted.slice(start, start + state.pageSize), total: matching.length };
}

const COLUMNS: DataTableColumn<Row>[] = [
  { key: 'name', header: 'Name', sortField: 'name', render: (row) => row.name },
  { key: 'id', header: 'Id', render: (row) => row.id },
];

function ListHarness() {
  const list = useListState({ sortable: ['name'], defaultSort: 'name' });
  const page = serverPage(list.state);
  return (
    <>
      <SearchInput label="Search rows" value={list.state.search} onSearch={list.setSearch} />
      <DataTable
        label="Rows"
        columns={COLUMNS}
        rows={page.items}
        rowKey={(row) => row.id}
        total={page.total}
        page={list.state.page}
        pageSize={list.state.pageSize}
        sort={list.state.sort}
        onSortChange={list.toggleSort}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        empty={<p>Nothing matches</p>}
      />
    </>
  );
}

function renderList(url: string) {
  return renderRoutes([{ path: '/rows', element: <ListHarness /> }], url);
}

function names(): string[] {
  const table = screen.getByRole('table', { name: 'Rows' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent ?? '');
}

describe('useListState with DataTable', () => {
  it('shows the page, sort and search the URL describes', () => {
    renderList('/rows?page=2&size=10&sort=-name');

    expect(names()).toEqual(
      ROWS.slice(37, 47)
        .map((row) => row.name)
        .reverse(),
    );
    expect(screen.getByText('11–20 of 57')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    expect((screen.getByRole('combobox', { name: 'Rows per page' }) as HTMLSelectElement).value).toBe('10');
    expect(screen.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
  });

  it('falls back to the defaults for values it cannot use', () => {
    renderList('/rows?page=-3&size=7&sort=password');

    expect(names()[0]).toBe('project-01');
    expect(screen.getByText('1–25 of 57')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('writes sorting, paging and page size into the URL, back to page 1 when the order changes', () => {
    const { router } = renderList('/rows');

    fireEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(currentUrl(router)).toBe('/rows?page=3');
    expect(names()).toEqual([
      'project-51',
      'project-52',
      'project-53',
      'project-54',
      'project-55',
      'project-56',
      'project-57',
    ]);
    expect(screen.getByText('51–57 of 57')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(currentUrl(router)).toBe('/rows?sort=-name');
    expect(names()[0]).toBe('project-57');

    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(currentUrl(router)).toBe('/rows');

    fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), { target: { value: '50' } });
    expect(currentUrl(router)).toBe('/rows?size=50');
    expect(names()).toHaveLength(50);
  });

  it('searches on Enter, starting again at page 1, and shows the empty state when nothing matches', () => {
    const { router } = renderList('/rows?page=2');
    const search = screen.getByRole('searchbox', { name: 'Search rows' });

    fireEvent.change(search, { target: { value: 'project-1' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(currentUrl(router)).toBe('/rows?q=project-1');
    expect(names()).toEqual(ROWS.slice(9, 19).map((row) => row.name));

    fireEvent.change(search, { target: { value: 'nope' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByText('Nothing matches')).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(currentUrl(router)).toBe('/rows');
  });

  it('moves to the last page when the URL points past the end', async () => {
    const { router } = renderList('/rows?page=9');

    expect(await screen.findByText('51–57 of 57')).toBeTruthy();
    expect(currentUrl(router)).toBe('/rows?page=3');
  });
});

describe('list state in the URL and for the API', () => {
  const options = { sortable: ['name', 'creation_time'], defaultSort: 'name', filters: ['public'] };

  it('reads and writes the URL, leaving defaults and foreign parameters alone', () => {
    const state = readListState(
      new URLSearchParams('page=4&size=50&sort=-creation_time&q=team&public=true&tab=x'),
      options,
    );
    expect(state).toEqual({
      page: 4,
      pageSize: 50,
      sort: { field: 'creation_time', direction: 'desc' },
      search: 'team',
      filters: { public: 'true' },
    });
    const written = writeListState(
      new URLSearchParams('tab=x'),
      { ...state, page: 1, sort: { field: 'name', direction: 'asc' } },
      options,
    );
    expect(written.toString()).toBe('tab=x&size=50&q=team&public=true');
  });

  it('turns the state into Harbor parameters, encoding the search for q', () => {
    const state = readListState(new URLSearchParams('page=2&size=10&sort=-name&q=a,b'), options);
    expect(toHarborParams(state, 'name')).toEqual({ page: 2, page_size: 10, sort: '-name', q: 'name=~a%2Cb' });
    expect(toHarborParams(readListState(new URLSearchParams(''), options), 'name')).toEqual({
      page: 1,
      page_size: 25,
      sort: 'name',
    });
  });
});
