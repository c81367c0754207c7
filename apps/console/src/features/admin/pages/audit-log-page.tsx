import { DataTable, PageHeader } from '@berth/console-ui';
import { EmptyState } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_LOG_COLUMNS, AUDIT_LOG_SORTABLE } from '../../../shared/audit/audit-log-columns';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { listParams } from '../api/harbor-q';
import { auditLogQuery } from '../api/queries';
import { AUDIT_FILTERS, AuditFilters, auditFiltered, auditQ } from '../components/audit-filters';

/** The Audit log page: who changed what, and every push, pull and delete; filtered and paged on the server. */
export function AuditLogPage() {
  const list = useListState({ sortable: AUDIT_LOG_SORTABLE, defaultSort: '-op_time', filters: AUDIT_FILTERS });
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
        columns={AUDIT_LOG_COLUMNS}
        rowKey={(entry) => entry.id}
        {...listTableProps(list, entries)}
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
