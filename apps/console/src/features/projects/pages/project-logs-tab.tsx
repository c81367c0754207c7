import { DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { Badge, Button, EmptyState, Group, NativeSelect, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error';
import { formatDateTime } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { useListState } from '../../../shared/list/use-list-state';
import { projectLogQuery } from '../api/queries';
import type { AuditLogEntry } from '../api/types';
import { useProjectContext } from './project-context';

/** Columns of GET /projects/{p}/logs the list sorts by (core-api's AUDIT_LOG_LIST). */
const SORTABLE = ['op_time', 'username', 'operation', 'resource_type', 'resource'] as const;

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
  const list = useListState({ sortable: SORTABLE, defaultSort: '-op_time', filters: ['operation', 'resource_type'] });
  const params = { ...toHarborParams(list.state), q: logQuery(list.state.search, list.state.filters) };
  const logs = useQuery(projectLogQuery(project.project_id, params));
  const filtered = params.q !== undefined;
  const [, setSearchParams] = useSearchParams();

  const columns: DataTableColumn<AuditLogEntry>[] = [
    {
      key: 'time',
      header: 'Time',
      sortField: 'op_time',
      render: (entry) => (
        <Text size="sm" component="time" dateTime={entry.op_time} style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.op_time)}
        </Text>
      ),
    },
    { key: 'user', header: 'User', sortField: 'username', render: (entry) => <Text size="sm">{entry.username}</Text> },
    {
      key: 'operation',
      header: 'Operation',
      sortField: 'operation',
      render: (entry) => (
        <Badge variant="light" color={entry.operation === 'delete' ? 'red' : 'blue'} tt="none">
          {entry.operation}
        </Badge>
      ),
    },
    {
      key: 'type',
      header: 'Resource type',
      sortField: 'resource_type',
      render: (entry) => <Text size="sm">{entry.resource_type}</Text>,
    },
    {
      key: 'resource',
      header: 'Resource',
      sortField: 'resource',
      render: (entry) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {entry.resource}
        </Text>
      ),
    },
    {
      key: 'result',
      header: 'Result',
      render: (entry) =>
        entry.result === 'success' ? (
          <Badge color="teal" variant="dot">
            Success
          </Badge>
        ) : (
          <Badge color="red" variant="dot">
            Failure
          </Badge>
        ),
    },
    {
      key: 'ip',
      header: 'Source IP',
      render: (entry) => <Text size="sm">{entry.source_ip ?? '—'}</Text>,
    },
  ];

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
        columns={columns}
        rows={logs.data?.items}
        rowKey={(entry) => entry.id}
        total={logs.data?.total}
        page={list.state.page}
        pageSize={list.state.pageSize}
        sort={list.state.sort}
        onSortChange={list.toggleSort}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        loading={logs.isPending}
        fetching={logs.isPlaceholderData}
        error={logs.isError ? errorMessage(logs.error) : undefined}
        onRetry={() => void logs.refetch()}
        empty={
          filtered ? (
            <EmptyState title="No entries match" description="Nothing in the log matches these filters." size="sm">
              <Button
                variant="light"
                size="xs"
                // One URL change clears all three: separate setters would each start from the same old URL.
                onClick={() => setSearchParams(new URLSearchParams(), { replace: true })}
              >
                Clear filters
              </Button>
            </EmptyState>
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
