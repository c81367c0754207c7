import { DataTable, type DataTableColumn, PageHeader, SearchInput } from '@berth/console-ui';
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Menu,
  SegmentedControl,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconKey,
  IconPlus,
  IconShieldCheck,
  IconShieldOff,
  IconTrash,
  IconUserDown,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime, formatRelative } from '../../../shared/format';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { useSession } from '../../auth/session/session-context';
import { exactTerm, fuzzyTerm, joinQ, listParams } from '../api/harbor-q';
import { useDeleteUser, useSetSysadmin } from '../api/mutations';
import { configurationsQuery, userListQuery } from '../api/queries';
import type { User } from '../../../shared/api/types';
import { confirmAction } from '../components/confirm-action';
import { CreateUserModal } from '../components/create-user-modal';
import { ImportLdapUsersModal } from '../components/import-ldap-users-modal';
import { ResetPasswordModal } from '../components/reset-password-modal';

/** Columns of GET /users the list sorts by (core-api's USER_LIST). */
const SORTABLE = ['username', 'email', 'creation_time'] as const;
/** The URL parameters of the users list's filters. */
const USER_FILTERS = ['admin'] as const;
/** Core-api's robot prefix until the configuration has loaded. */
const DEFAULT_ROBOT_PREFIX = 'robot$';
const ROLE_FILTER = [
  { value: '', label: 'Everyone' },
  { value: 'true', label: 'Administrators' },
];

/** The Users page: local and LDAP accounts, with create, reset password, administrator flag and delete. */
export function UsersPage() {
  const { user: me } = useSession();
  const list = useListState({ sortable: SORTABLE, defaultSort: 'username', filters: USER_FILTERS });
  const adminFilter = list.state.filters['admin'];
  const params = listParams(
    list.state,
    joinQ(fuzzyTerm('username', list.state.search), exactTerm('sysadmin_flag', adminFilter)),
  );
  const users = useQuery(userListQuery(params));
  const config = useQuery(configurationsQuery());
  const ldapMode = config.data?.auth_mode.value === 'ldap_auth';
  const [creating, createModal] = useDisclosure(false);
  const [importing, importModal] = useDisclosure(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const setSysadmin = useSetSysadmin();
  const remove = useDeleteUser();
  const filtered = list.state.search.trim() !== '' || adminFilter !== undefined;

  const toggleAdmin = (user: User) => {
    const grant = !user.sysadmin_flag;
    confirmAction({
      title: grant ? `Make ${user.username} an administrator?` : `Remove ${user.username} as administrator?`,
      body: grant
        ? `${user.username} will be able to change every project, user and setting of Berth.`
        : `${user.username} keeps their project roles but can no longer administer Berth.`,
      confirmLabel: grant ? 'Make administrator' : 'Remove administrator',
      danger: !grant,
      messages: {
        pending: grant ? `Making ${user.username} an administrator…` : `Removing ${user.username} as administrator…`,
        success: grant ? `${user.username} is now an administrator` : `${user.username} is no longer an administrator`,
        failure: `Could not change the role of ${user.username}`,
      },
      run: () => setSysadmin.mutateAsync({ userId: user.user_id, sysadmin: grant }),
    });
  };

  const deleteUser = (user: User) =>
    confirmAction({
      title: `Delete user ${user.username}?`,
      body: `The account, its project memberships and personal access tokens are deleted. This cannot be undone.`,
      confirmLabel: 'Delete user',
      danger: true,
      messages: {
        pending: `Deleting user ${user.username}…`,
        success: `User ${user.username} deleted`,
        failure: `Could not delete user ${user.username}`,
      },
      run: () => remove.mutateAsync(user.user_id),
    });

  const columns: DataTableColumn<User>[] = [
    {
      key: 'username',
      header: 'Username',
      sortField: 'username',
      render: (user) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {user.username}
          </Text>
          {user.user_id === me.user_id ? (
            <Badge size="xs" variant="light">
              You
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'realname', header: 'Full name', render: (user) => <Text size="sm">{user.realname || '—'}</Text> },
    { key: 'email', header: 'Email', sortField: 'email', render: (user) => <Text size="sm">{user.email || '—'}</Text> },
    {
      key: 'source',
      header: 'Account',
      render: (user) => (
        <Badge variant="outline" color={user.source === 'ldap' ? 'violet' : 'gray'}>
          {user.source === 'ldap' ? 'LDAP' : 'Local'}
        </Badge>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      render: (user) =>
        user.sysadmin_flag ? (
          <Badge color="orange" variant="light" leftSection={<IconShieldCheck size={12} aria-hidden />}>
            Administrator
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            User
          </Text>
        ),
    },
    {
      key: 'last-login',
      header: 'Last sign-in',
      render: (user) => (
        <Text size="sm" title={formatDateTime(user.last_login_time)}>
          {user.last_login_time ? formatRelative(user.last_login_time) : 'Never'}
        </Text>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      sortField: 'creation_time',
      render: (user) => <Text size="sm">{formatDateTime(user.creation_time)}</Text>,
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (user) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${user.username}`}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {user.source === 'local' ? (
              <Menu.Item leftSection={<IconKey size={14} aria-hidden />} onClick={() => setResetting(user)}>
                Reset password
              </Menu.Item>
            ) : null}
            <Menu.Item
              leftSection={
                user.sysadmin_flag ? <IconShieldOff size={14} aria-hidden /> : <IconShieldCheck size={14} aria-hidden />
              }
              onClick={() => toggleAdmin(user)}
            >
              {user.sysadmin_flag ? 'Remove administrator' : 'Make administrator'}
            </Menu.Item>
            {user.user_id !== me.user_id ? (
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => deleteUser(user)}>
                Delete user
              </Menu.Item>
            ) : null}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Users"
        description={
          ldapMode
            ? 'People sign in with their LDAP accounts, which appear here at their first sign-in or once imported. Local accounts can still be created.'
            : 'Local accounts, and who is a system administrator.'
        }
        actions={
          <>
            {ldapMode ? (
              <Button variant="default" leftSection={<IconUserDown size={16} aria-hidden />} onClick={importModal.open}>
                Import from LDAP
              </Button>
            ) : null}
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
              New user
            </Button>
          </>
        }
      />
      <Group mb="sm" gap="sm">
        <SearchInput label="Search users" value={list.state.search} onSearch={list.setSearch} />
        <SegmentedControl
          aria-label="Role"
          data={ROLE_FILTER}
          value={adminFilter ?? ''}
          onChange={(value) => list.setFilter('admin', value || undefined)}
        />
      </Group>
      <DataTable
        label="Users"
        columns={columns}
        rowKey={(user) => user.user_id}
        {...listTableProps(list, users)}
        empty={
          filtered ? (
            <NoMatches
              title="No users match"
              description="Try another search, or show everyone."
              onClear={list.clearFilters}
              clearLabel="Clear filters"
            />
          ) : (
            <EmptyState
              icon={<IconUserPlus size={28} />}
              title="No users yet"
              description="Create a local account, or switch to LDAP authentication in Configuration."
              size="sm"
            >
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={createModal.open}>
                New user
              </Button>
            </EmptyState>
          )
        }
      />
      <CreateUserModal
        opened={creating}
        onClose={createModal.close}
        robotPrefix={config.data?.robot_name_prefix.value ?? DEFAULT_ROBOT_PREFIX}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <ImportLdapUsersModal opened={importing} onClose={importModal.close} />
    </>
  );
}
