import { DataTable, SearchInput } from '@berth/console-ui';
import { EmptyState, Group, NativeSelect } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_LOG_COLUMNS, AUDIT_LOG_SORTABLE } from '../../../shared/audit/audit-log-columns';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { NoMatches } from '../../../shared/list/no-matches';
import { useListState } from '../../../shared/list/use-list-state';
import { projectLogQuery } from '../api/queries';
import { useProjectContext } from './project-context';

/** The operations and resource types a project's log holds, for its filters. */
const OPERATIONS = ['create', 'update', 'delete', 'push', 'pull'];
const RESOURCE_TYPES = ['artifact', 'tag', 'repository', 'member', 'robot', 'project'];

/** Builds the log's `q`: the resource text searched fuzzily, and the exact filters chosen. */
export function logQuery(search: string, filters: Record<string, string>): string | undefined {
  const terms = [
    search.trim() ? `resource=~${encodeURIComponent(search.trim())}` : undefined,
    filters['operation'] ? `operation=${filters['operation']}` : undefined,
    filters['resource_type'] ? `resource_type=${filters['resource_type']}` : undefined,
  ].filter((term): term is string => term !== undefined);
  return terms.length > 0 ? terms.join(',') : undefined;
}

/** The Logs tab: the project's audit log, newest first, searchable by resource and filtered by operation and type. */
export function ProjectLogsTab() {
  const { project } = useProjectContext();
  const list = useListState({
    sortable: AUDIT_LOG_SORTABLE,
    defaultSort: '-op_time',
    filters: ['operation', 'resource_type'],
  });
  const params = { ...toHarborParams(list.state), q: logQuery(list.state.search, list.state.filters) };
  const logs = useQuery(projectLogQuery(project.project_id, params));
  const filtered = params.q !== undefined;

  const select = (name: string, label: string, values: string[]) => (
    <NativeSelect
      aria-label={label}
      data={[{ value: '', label: `${label}: all` }, ...values.map((value) => ({ value, label: value }))]}
      value={list.state.filters[name] ?? ''}
      onChange={(event) => list.setFilter(name, event.currentTarget.value || undefined)}
    />
  );

  return (
    <>
      <Group mb="sm" gap="sm">
        <SearchInput label="Search by resource" value={list.state.search} onSearch={list.setSearch} />
        {select('operation', 'Operation', OPERATIONS)}
        {select('resource_type', 'Resource type', RESOURCE_TYPES)}
      </Group>
      <DataTable
        label="Audit log"
        columns={AUDIT_LOG_COLUMNS}
        rowKey={(entry) => entry.id}
        {...listTableProps(list, logs)}
        empty={
          filtered ? (
            <NoMatches
              title="No entries match"
              description="Nothing in the log matches these filters."
              onClear={list.clearFilters}
              clearLabel="Clear filters"
            />
          ) : (
            <EmptyState
              icon={<IconHistory size={28} />}
              title="Nothing recorded yet"
              description="Pushes, pulls, deletes, tags, members and robot accounts of this project are recorded here as they happen."
              size="sm"
            />
          )
        }
      />
    </>
  );
}
