import type { DataTableColumn } from '@berth/console-ui';
import { Badge, Button, Code, Popover, Text } from '@mantine/core';
import type { AuditLogEntry } from '../api/types';
import { formatDateTime } from '../format';

/** Columns of the audit log lists the API sorts by (core-api's AUDIT_LOG_LIST). */
export const AUDIT_LOG_SORTABLE = ['op_time', 'username', 'operation', 'resource_type', 'resource'] as const;

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

/** The columns of an audit log table: when, who, what was done to which resource, the result, from where, details. */
export const AUDIT_LOG_COLUMNS: DataTableColumn<AuditLogEntry>[] = [
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
      <Badge variant="light" color={entry.operation === 'delete' ? 'red' : 'gray'} tt="none">
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
