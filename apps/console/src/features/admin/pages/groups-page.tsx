import { DataTable, type DataTableColumn, PageHeader, SearchInput } from '@berth/console-ui';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Code,
  EmptyState,
  Group,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconPencil, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { fuzzyTerm, joinQ, listParams } from '../api/harbor-q';
import { useDeleteGroup } from '../api/mutations';
import { configurationsQuery, groupListQuery } from '../api/queries';
import type { UserGroup } from '../../../shared/api/types';
import { confirmAction } from '../components/confirm-action';
import { AddGroupModal, RenameGroupModal } from '../components/group-modals';

/** Columns of GET /usergroups the list sorts by. */
const SORTABLE = ['group_name', 'creation_time'] as const;

/** The Groups page: LDAP groups known to Berth, to give project roles to, with add, rename and delete. */
export function GroupsPage() {
  const list = useListState({ sortable: SORTABLE, defaultSort: 'group_name' });
  const params = listParams(list.state, joinQ(fuzzyTerm('group_name', list.state.search)));
  const groups = useQuery(groupListQuery(params));
  const config = useQuery(configurationsQuery());
  const [adding, addModal] = useDisclosure(false);
  const [renaming, setRenaming] = useState<UserGroup | null>(null);
  const remove = useDeleteGroup();
  const dbMode = config.data?.auth_mode.value === 'db_auth';

  const deleteGroup = (group: UserGroup) =>
    confirmAction({
      title: `Delete group ${group.group_name}?`,
      body: 'The group and its project memberships are deleted; its members keep their own roles. This cannot be undone.',
      confirmLabel: 'Delete group',
      danger: true,
      messages: {
        pending: `Deleting group ${group.group_name}…`,
        success: `Group ${group.group_name} deleted`,
        failure: `Could not delete group ${group.group_name}`,
      },
      run: () => remove.mutateAsync(group.id),
    });

  const columns: DataTableColumn<UserGroup>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'group_name',
      render: (group) => (
        <Text size="sm" fw={500}>
          {group.group_name}
        </Text>
      ),
    },
    {
      key: 'dn',
      header: 'LDAP DN',
      render: (group) => <Code style={{ wordBreak: 'break-all' }}>{group.ldap_group_dn}</Code>,
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 96,
      render: (group) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label="Rename">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Rename group ${group.group_name}`}
              onClick={() => setRenaming(group)}
            >
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete group ${group.group_name}`}
              onClick={() => deleteGroup(group)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Groups"
        description="LDAP groups known to Berth. Give a group a role in a project and all its members get it."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addModal.open}>
            Add LDAP group
          </Button>
        }
      />
      {dbMode ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} mb="sm">
          Berth authenticates with local accounts, so group memberships are not read from LDAP. Switch to LDAP in{' '}
          <Anchor component={Link} to="/admin/configuration" inherit>
            Configuration
          </Anchor>{' '}
          for groups to take effect.
        </Alert>
      ) : null}
      <Group mb="sm">
        <SearchInput label="Search groups" value={list.state.search} onSearch={list.setSearch} />
      </Group>
      <DataTable
        label="Groups"
        columns={columns}
        rowKey={(group) => group.id}
        {...listTableProps(list, groups)}
        empty={
          list.state.search.trim() ? (
            <NoMatches title="No groups match" description="Try another search." onClear={() => list.setSearch('')} />
          ) : (
            <EmptyState
              icon={<IconUsersGroup size={28} />}
              title="No groups yet"
              description="Find an LDAP group or enter its DN, then give it a role in a project’s Members tab."
              size="sm"
            >
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={addModal.open}>
                Add LDAP group
              </Button>
            </EmptyState>
          )
        }
      />
      <AddGroupModal opened={adding} onClose={addModal.close} />
      <RenameGroupModal group={renaming} onClose={() => setRenaming(null)} />
    </>
  );
}
