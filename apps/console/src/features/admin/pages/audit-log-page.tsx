import { DataTable, type DataTableColumn, PageHeader } from '@berth/console-ui';
import { Badge, Button, Code, EmptyState, Popover, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../shared/api/api-error';
import { formatDateTime } from '../../../shared/format';
import { useListState } from '../../../shared/list/use-list-state';
import { listParams } from '../api/harbor-q';
import { auditLogQuery } from '../api/queries';
import type { AuditLogEntry } from '../api/types';
import { AUDIT_FILTERS, AuditFilters, auditFiltered, auditQ } from '../components/audit-filters';

/** Columns of GET /audit-logs the list sorts by. */
const SORTABLE = ['op_time', 'username', 'operation', 'resource_type', 'resource'] as const;

function DetailCell({ entry }: { entry: AuditLogEntry }) {
  if (!entry.detail || Object.keys(entry.detail).length === 0) return <Text size="sm">—</Text>;
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={360}>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" aria-label={`Details of entry ${entry.id}`}>
          Details
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(entry.detail, null, 2)}
        </Code>
      </Popover.Dropdown>
    </Popover>
  );
}

const COLUMNS: DataTableColumn<AuditLogEntry>[] = [
  {
    key: 'time',
    header: 'Time',
    sortField: 'op_time',
    render: (entry) => <Text size="sm">{formatDateTime(entry.op_time)}</Text>,
  },
  { key: 'user', header: 'User', sortField: 'username', render: (entry) => <Text size="sm">{entry.username}</Text> },
  {
    key: 'operation',
    header: 'Operation',
    sortField: 'operation',
    render: (entry) => (
      <Badge variant="light" color="gray">
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
          Succeeded
        </Badge>
      ) : (
        <Badge color="red" variant="dot">
          Failed
        </Badge>
      ),
  },
  { key: 'ip', header: 'Source IP', render: (entry) => <Text size="sm">{entry.source_ip ?? '—'}</Text> },
  { key: 'detail', header: 'Detail', align: 'right', render: (entry) => <DetailCell entry={entry} /> },
];

/** The Audit log page: who changed what, and every push, pull and delete; filtered and paged on the server. */
export function AuditLogPage() {
  const list = useListState({ sortable: SORTABLE, defaultSort: '-op_time', filters: AUDIT_FILTERS });
  const params = listParams(list.state, auditQ(list.state.search, list.state.filters));
  const entries = useQuery(auditLogQuery(params));
  const filtered = auditFiltered(list.state.search, list.state.filters);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in Berth, and every push, pull and delete, newest first."
      />
      <AuditFilters list={list} />
      <DataTable
        label="Audit log"
        columns={COLUMNS}
        rows={entries.data?.items}
        rowKey={(entry) => entry.id}
        total={entries.data?.total}
        page={list.state.page}
        pageSize={list.state.pageSize}
        sort={list.state.sort}
        onSortChange={list.toggleSort}
        onPageChange={list.setPage}
        onPageSizeChange={list.setPageSize}
        loading={entries.isPending}
        fetching={entries.isPlaceholderData}
        error={entries.isError ? errorMessage(entries.error) : undefined}
        onRetry={() => void entries.refetch()}
        empty={
          filtered ? (
            <EmptyState title="No entries match" description="Widen the date range or clear some filters." size="sm" />
          ) : (
            <EmptyState
              icon={<IconListDetails size={28} />}
              title="Nothing recorded yet"
              description="Sign-ins, changes and every push, pull and delete will be listed here as they happen."
              size="sm"
            />
          )
        }
      />
    </>
  );
}
