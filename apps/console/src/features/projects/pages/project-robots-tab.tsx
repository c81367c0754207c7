import { CommandBlock, DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { Action, ProjectResource } from '@berth/rbac';
import { ActionIcon, Button, EmptyState, Group, Menu, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import {
  IconDots,
  IconKey,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconRobot,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { NoMatches } from '../../../shared/list/no-matches';
import { useListState } from '../../../shared/list/use-list-state';
import { registryHost } from '../../../shared/registry-address';
import { withProgress } from '../../../shared/ui/notify';
import { ROBOT_COLUMNS, ROBOT_SORTABLE } from '../../../shared/robots/robot-columns';
import { SecretReveal } from '../../../shared/ui/secret-reveal';
import { useSystemInfo } from '../../system/api/queries';
import { useDeleteRobot, useRefreshRobotSecret, useSetRobotDisabled } from '../api/mutations';
import { robotListQuery } from '../api/queries';
import type { Robot } from '../../../shared/api/types';
import { CreateRobotModal } from '../components/create-robot-modal';
import { useProjectContext } from './project-context';

/** A secret to show once: whose it is and what it is. */
interface Revealed {
  title: string;
  name: string;
  secret: string;
}

/** Quotes a robot's login name for a POSIX shell: it holds `$`, which the shell would expand. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The Robot accounts tab: the project's robots with status, permissions and expiry; create, disable, rotate, delete. */
export function ProjectRobotsTab() {
  const { project, permissions } = useProjectContext();
  const list = useListState({ sortable: ROBOT_SORTABLE, defaultSort: 'name' });
  const robots = useQuery(robotListQuery(project.project_id, toHarborParams(list.state, 'name')));
  const systemInfo = useSystemInfo();
  const [creating, createModal] = useDisclosure(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const setDisabled = useSetRobotDisabled(project.project_id);
  const refresh = useRefreshRobotSecret(project.project_id);
  const remove = useDeleteRobot(project.project_id);
  const mayCreate = permissions.can(ProjectResource.Robot, Action.Create);
  const mayUpdate = permissions.can(ProjectResource.Robot, Action.Update);
  const mayDelete = permissions.can(ProjectResource.Robot, Action.Delete);

  const toggle = (robot: Robot) => {
    const disable = !robot.disable;
    void withProgress(
      {
        pending: `${disable ? 'Disabling' : 'Enabling'} ${robot.name}…`,
        success: `${robot.name} ${disable ? 'disabled: it can no longer sign in' : 'enabled'}`,
        failure: `Could not ${disable ? 'disable' : 'enable'} ${robot.name}`,
      },
      () => setDisabled.mutateAsync({ robotId: robot.id, disable }),
    ).catch(() => undefined);
  };

  const confirmRefresh = (robot: Robot) =>
    modals.openConfirmModal({
      title: `Refresh the secret of ${robot.name}?`,
      children: (
        <Text size="sm">
          A new secret is generated and shown once. The current secret keeps working for a grace period, so update your
          pipelines soon.
        </Text>
      ),
      labels: { confirm: 'Refresh secret', cancel: 'Cancel' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Refreshing the secret of ${robot.name}…`,
            success: `New secret issued for ${robot.name}`,
            failure: `Could not refresh the secret of ${robot.name}`,
          },
          () => refresh.mutateAsync(robot.id),
        ).then(
          ({ secret }) => setRevealed({ title: 'New robot secret', name: robot.name, secret }),
          () => undefined,
        ),
    });

  const confirmDelete = (robot: Robot) =>
    modals.openConfirmModal({
      title: `Delete ${robot.name}?`,
      children: (
        <Text size="sm">Anything signing in as {robot.name} stops working at once. This cannot be undone.</Text>
      ),
      labels: { confirm: 'Delete robot account', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Deleting ${robot.name}…`,
            success: `${robot.name} deleted`,
            failure: `Could not delete ${robot.name}`,
          },
          () => remove.mutateAsync(robot.id),
        ).catch(() => undefined),
    });

  const columns: DataTableColumn<Robot>[] = [
    ...ROBOT_COLUMNS,
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (robot) =>
        (mayUpdate || mayDelete) && robot.editable ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label="Actions">
                <ActionIcon variant="subtle" aria-label={`Actions for ${robot.name}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              {mayUpdate ? (
                <>
                  <Menu.Item
                    leftSection={robot.disable ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />}
                    onClick={() => toggle(robot)}
                  >
                    {robot.disable ? 'Enable' : 'Disable'}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconKey size={14} />} onClick={() => confirmRefresh(robot)}>
                    Refresh secret
                  </Menu.Item>
                </>
              ) : null}
              {mayDelete ? (
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => confirmDelete(robot)}>
                  Delete
                </Menu.Item>
              ) : null}
            </Menu.Dropdown>
          </Menu>
        ) : null,
    },
  ];

  const host = systemInfo.data ? registryHost(systemInfo.data.registry_url) : '<registry>';
  return (
    <>
      <Group mb="sm" justify="space-between">
        <SearchInput label="Search robot accounts" value={list.state.search} onSearch={list.setSearch} />
        {mayCreate ? (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New robot account
          </Button>
        ) : null}
      </Group>
      <DataTable
        label="Robot accounts"
        columns={columns}
        rowKey={(robot) => robot.id}
        {...listTableProps(list, robots)}
        empty={
          list.state.search ? (
            <NoMatches
              title="No robot accounts match"
              description="Try another search."
              onClear={() => list.setSearch('')}
            />
          ) : (
            <EmptyState
              icon={<IconRobot size={28} />}
              title="No robot accounts yet"
              description={
                mayCreate
                  ? 'Create a robot account for CI or a deployment: it signs in with its own secret and only the permissions you give it.'
                  : 'A project admin can create robot accounts for CI and deployments.'
              }
              size="sm"
            />
          )
        }
      />
      <CreateRobotModal
        projectId={project.project_id}
        projectName={project.name}
        opened={creating}
        onClose={createModal.close}
        onCreated={(created) =>
          setRevealed({ title: `Robot account ${created.name} created`, name: created.name, secret: created.secret })
        }
      />
      {revealed ? (
        <SecretReveal
          opened
          onClose={() => setRevealed(null)}
          title={revealed.title}
          name={revealed.name}
          secret={revealed.secret}
        >
          <Text size="sm">Sign in with it; docker asks for the secret as the password:</Text>
          <CommandBlock
            command={`docker login ${host} -u ${shellQuote(revealed.name)}`}
            copyLabel="Copy the login command"
          />
        </SecretReveal>
      ) : null}
    </>
  );
}
