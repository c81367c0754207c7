import { DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { ActionIcon, Badge, Button, Code, EmptyState, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatRelative } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { withProgress } from '../../../shared/ui/notify';
import { useRevokeToken } from '../api/mutations';
import { tokenListQuery } from '../api/queries';
import type { PersonalAccessToken } from '../../../shared/api/types';
import { CreateTokenModal } from '../components/create-token-modal';

/** Columns of GET /users/current/tokens the list sorts by. */
const SORTABLE = ['name', 'creation_time', 'expires_at'] as const;
/** Scopes shown in a row before "+n more". */
const SCOPES_SHOWN = 3;

/** A token's state: revoked, expired or active. */
function TokenStatus({ token }: { token: PersonalAccessToken }) {
  if (token.revoked_at) return <Badge color="gray">Revoked</Badge>;
  if (token.expired) return <Badge color="red">Expired</Badge>;
  return <Badge color="teal">Active</Badge>;
}

function Scopes({ scopes }: { scopes: readonly string[] }) {
  const rest = scopes.length - SCOPES_SHOWN;
  return (
    <Group gap={4}>
      {scopes.slice(0, SCOPES_SHOWN).map((scope) => (
        <Badge key={scope} variant="light" color="gray" tt="none">
          {scope}
        </Badge>
      ))}
      {rest > 0 ? (
        <Tooltip label={scopes.slice(SCOPES_SHOWN).join(', ')} multiline w={260}>
          <Badge variant="outline" color="gray" tt="none" tabIndex={0}>
            +{rest} more
          </Badge>
        </Tooltip>
      ) : null}
    </Group>
  );
}

/** The Access tokens tab: the user's personal access tokens, with create (token shown once) and revoke. */
export function TokensTab() {
  const list = useListState({ sortable: SORTABLE, defaultSort: '-creation_time' });
  const tokens = useQuery(tokenListQuery(toHarborParams(list.state, 'name')));
  const revoke = useRevokeToken();
  const [creating, createModal] = useDisclosure(false);

  const confirmRevoke = (token: PersonalAccessToken) =>
    modals.openConfirmModal({
      title: `Revoke token ${token.name}?`,
      children: <Text size="sm">Anything still using it is refused from now on. This cannot be undone.</Text>,
      labels: { confirm: 'Revoke token', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Revoking token ${token.name}…`,
            success: `Token ${token.name} revoked`,
            failure: `Could not revoke token ${token.name}`,
          },
          () => revoke.mutateAsync(token.id),
        ).catch(() => undefined),
    });

  const columns: DataTableColumn<PersonalAccessToken>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'name',
      render: (token) => (
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      ),
    },
    { key: 'prefix', header: 'Starts with', render: (token) => <Code>{token.token_prefix}</Code> },
    { key: 'scopes', header: 'Permissions', render: (token) => <Scopes scopes={token.scopes} /> },
    { key: 'status', header: 'Status', render: (token) => <TokenStatus token={token} /> },
    {
      key: 'expires',
      header: 'Expires',
      sortField: 'expires_at',
      render: (token) => <Text size="sm">{token.expires_at ? formatDateTime(token.expires_at) : 'Never'}</Text>,
    },
    {
      key: 'last-used',
      header: 'Last used',
      render: (token) => (
        <Text size="sm" title={formatDateTime(token.last_used_at)}>
          {token.last_used_at ? formatRelative(token.last_used_at) : 'Never'}
        </Text>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      sortField: 'creation_time',
      render: (token) => <Text size="sm">{formatDateTime(token.creation_time)}</Text>,
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (token) =>
        token.revoked_at ? null : (
          <Tooltip label="Revoke">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Revoke token ${token.name}`}
              onClick={() => confirmRevoke(token)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ),
    },
  ];

  return (
    <>
      <Group justify="space-between" mb="sm" gap="sm">
        <SearchInput label="Search tokens" value={list.state.search} onSearch={list.setSearch} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
          New access token
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        Personal access tokens sign in to the registry and the API as you, limited to the permissions you choose. Use
        them instead of your password in scripts and on build machines.
      </Text>
      <DataTable
        label="Access tokens"
        columns={columns}
        rowKey={(token) => token.id}
        {...listTableProps(list, tokens)}
        empty={
          list.state.search.trim() ? (
            <NoMatches title="No tokens match" description="Try another search." onClear={() => list.setSearch('')} />
          ) : (
            <EmptyState
              icon={<IconKey size={28} />}
              title="No access tokens yet"
              description="Create one for docker login on a build machine, so your password stays off it."
              size="sm"
            >
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={createModal.open}>
                New access token
              </Button>
            </EmptyState>
          )
        }
      />
      <CreateTokenModal opened={creating} onClose={createModal.close} />
    </>
  );
}
