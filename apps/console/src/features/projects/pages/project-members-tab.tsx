import { DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { Action, ProjectResource, type ProjectRole } from '@berth/rbac';
import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { parseRole, ROLE_OPTIONS, roleLabel } from '../../../shared/access/roles';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { withProgress } from '../../../shared/ui/notify';
import { useSession } from '../../auth/session/session-context';
import { useSystemInfo } from '../../system/api/queries';
import { useChangeMemberRole, useRemoveMember } from '../api/mutations';
import { memberListQuery } from '../api/queries';
import type { Member } from '../../../shared/api/types';
import { AddMemberModal } from '../components/add-member-modal';
import { useProjectContext } from './project-context';

/** Columns of GET /projects/{p}/members the list sorts by (core-api's MEMBER_LIST). */
const SORTABLE = ['entity_name', 'entity_type', 'role_id'] as const;

/** The Members tab: users and LDAP groups with their roles; add, change role and remove as permissions allow. */
export function ProjectMembersTab() {
  const { project, permissions } = useProjectContext();
  const { user } = useSession();
  const list = useListState({ sortable: SORTABLE, defaultSort: 'entity_name' });
  const members = useQuery(memberListQuery(project.project_id, toHarborParams(list.state, 'entity_name')));
  const systemInfo = useSystemInfo();
  const [adding, addModal] = useDisclosure(false);
  const changeRole = useChangeMemberRole(project.project_id);
  const remove = useRemoveMember(project.project_id);
  const mayAdd = permissions.can(ProjectResource.Member, Action.Create);
  const mayUpdate = permissions.can(ProjectResource.Member, Action.Update);
  const mayRemove = permissions.can(ProjectResource.Member, Action.Delete);

  const onRoleChange = (member: Member, roleId: ProjectRole) =>
    void withProgress(
      {
        pending: `Changing the role of ${member.entity_name}…`,
        success: `${member.entity_name} is now ${roleLabel(roleId)}`,
        failure: `Could not change the role of ${member.entity_name}`,
      },
      () => changeRole.mutateAsync({ memberId: member.id, roleId }),
    ).catch(() => undefined);

  const onRemove = (member: Member) =>
    modals.openConfirmModal({
      title: `Remove ${member.entity_name}?`,
      children: (
        <Text size="sm">
          {member.entity_type === 'g'
            ? `Members of the group ${member.entity_name} lose the access this project gave them.`
            : `${member.entity_name} loses access to ${project.name}${member.entity_name === user.username ? ', and so do you' : ''}.`}
        </Text>
      ),
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Removing ${member.entity_name}…`,
            success: `${member.entity_name} removed from ${project.name}`,
            failure: `Could not remove ${member.entity_name}`,
          },
          () => remove.mutateAsync(member.id),
        ).catch(() => undefined),
    });

  const columns: DataTableColumn<Member>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'entity_name',
      render: (member) => (
        <Text size="sm" fw={500}>
          {member.entity_name}
          {member.entity_name === user.username && member.entity_type === 'u' ? (
            <Text span c="dimmed" size="sm">
              {' '}
              (you)
            </Text>
          ) : null}
        </Text>
      ),
    },
    {
      key: 'type',
      header: 'Type',
      sortField: 'entity_type',
      render: (member) => (
        <Badge variant="dot" color={member.entity_type === 'g' ? 'grape' : 'blue'}>
          {member.entity_type === 'g' ? 'LDAP group' : 'User'}
        </Badge>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      sortField: 'role_id',
      render: (member) =>
        mayUpdate ? (
          <NativeSelect
            size="xs"
            aria-label={`Role of ${member.entity_name}`}
            data={ROLE_OPTIONS}
            value={String(member.role_id)}
            onChange={(event) => onRoleChange(member, parseRole(event.currentTarget.value))}
            w={160}
          />
        ) : (
          <Text size="sm">{roleLabel(member.role_id)}</Text>
        ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (member) =>
        mayRemove ? (
          <Tooltip label={`Remove ${member.entity_name}`}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${member.entity_name}`}
              onClick={() => onRemove(member)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <>
      <Group mb="sm" justify="space-between">
        <SearchInput label="Search members" value={list.state.search} onSearch={list.setSearch} />
        {mayAdd ? (
          <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
            Add member
          </Button>
        ) : null}
      </Group>
      <DataTable
        label="Members"
        columns={columns}
        rowKey={(member) => member.id}
        {...listTableProps(list, members)}
        empty={
          <EmptyState
            icon={<IconUsers size={28} />}
            title={list.state.search ? 'No members match' : 'No members yet'}
            description={mayAdd ? 'Add users or LDAP groups and give them a role.' : 'A project admin can add members.'}
            size="sm"
          />
        }
      />
      <AddMemberModal
        projectId={project.project_id}
        opened={adding}
        ldapGroups={systemInfo.data?.auth_mode === 'ldap_auth'}
        onClose={addModal.close}
      />
    </>
  );
}
