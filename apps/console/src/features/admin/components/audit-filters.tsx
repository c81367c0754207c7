import { SearchInput } from '@berth/console-ui';
import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { ListStateHandle } from '../../../shared/list/use-list-state';
import { exactTerm, fuzzyTerm, joinQ, rangeTerm } from '../api/harbor-q';

/** The URL parameters of the audit log's filters (the search box, `q`, searches the resource). */
export const AUDIT_FILTERS = ['user', 'operation', 'type', 'result', 'from', 'to'] as const;

/** Operations core-api, the registry and the worker record. */
const OPERATIONS = ['create', 'update', 'delete', 'push', 'pull', 'login', 'logout', 'revoke'];

/** Resource types the audit log holds. */
const RESOURCE_TYPES = [
  'artifact',
  'configuration',
  'member',
  'project',
  'project-metadata',
  'repository',
  'robot',
  'tag',
  'token',
  'user',
  'user-group',
];

const RESULTS = [
  { value: '', label: 'Any result' },
  { value: 'success', label: 'Succeeded' },
  { value: 'failure', label: 'Failed' },
];

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a local calendar day starts (or, with `endOfDay`, ends), in ISO form; undefined for no valid date. */
export function localDayBoundary(day: string | undefined, endOfDay = false): string | undefined {
  if (!day || !CALENDAR_DATE.test(day)) return undefined;
  const date = new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Builds the audit log's `q` from the search text (resource) and the filters in the URL. */
export function auditQ(search: string, filters: Record<string, string>): string | undefined {
  return joinQ(
    fuzzyTerm('username', filters['user']),
    exactTerm('operation', filters['operation']),
    exactTerm('resource_type', filters['type']),
    fuzzyTerm('resource', search),
    exactTerm('result', filters['result']),
    rangeTerm('op_time', localDayBoundary(filters['from']), localDayBoundary(filters['to'], true)),
  );
}

/** Tells whether any filter or search is in effect. */
export function auditFiltered(search: string, filters: Record<string, string>): boolean {
  return search.trim() !== '' || AUDIT_FILTERS.some((name) => filters[name] !== undefined);
}

/** The audit log's filters: resource search, user, operation, resource type, result and a date range, all in the URL. */
export function AuditFilters({ list }: { list: ListStateHandle }) {
  const { filters, search } = list.state;
  return (
    <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
      <SearchInput label="Search resources" value={search} onSearch={list.setSearch} />
      <SearchInput
        label="Filter by user"
        value={filters['user'] ?? ''}
        onSearch={(value) => list.setFilter('user', value.trim() || undefined)}
      />
      <Select
        aria-label="Operation"
        placeholder="Any operation"
        data={OPERATIONS}
        value={filters['operation'] ?? null}
        onChange={(value) => list.setFilter('operation', value ?? undefined)}
        clearable
        w={{ base: '100%', xs: 170 }}
      />
      <Select
        aria-label="Resource type"
        placeholder="Any resource type"
        data={RESOURCE_TYPES}
        value={filters['type'] ?? null}
        onChange={(value) => list.setFilter('type', value ?? undefined)}
        clearable
        w={{ base: '100%', xs: 190 }}
      />
      <SegmentedControl
        aria-label="Result"
        data={RESULTS}
        value={filters['result'] ?? ''}
        onChange={(value) => list.setFilter('result', value || undefined)}
      />
      <TextInput
        type="date"
        label="From"
        value={filters['from'] ?? ''}
        max={filters['to']}
        onChange={(event) => list.setFilter('from', event.currentTarget.value || undefined)}
      />
      <TextInput
        type="date"
        label="To"
        value={filters['to'] ?? ''}
        min={filters['from']}
        onChange={(event) => list.setFilter('to', event.currentTarget.value || undefined)}
      />
      {auditFiltered(search, filters) ? (
        <Button variant="subtle" onClick={list.clearFilters}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
