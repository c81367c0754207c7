import { DataTable, type DataTableColumn, PageHeader, SearchInput } from '@berth/console-ui';
import { ActionIcon, Button, EmptyState, Group, Menu, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconRefresh,
  IconRobot,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { ROBOT_COLUMNS, ROBOT_SORTABLE } from '../../../shared/robots/robot-columns';
import { systemInfoQuery } from '../../system/api/queries';
import { exactTerm, fuzzyTerm, joinQ, listParams } from '../api/harbor-q';
import { useDeleteRobot, useRotateRobotSecret, useUpdateRobot } from '../api/mutations';
import { configurationsQuery, robotListQuery } from '../api/queries';
import type { Robot } from '../../../shared/api/types';
import { confirmAction } from '../components/confirm-action';
import {
  CreateSystemRobotModal,
  EditRobotModal,
  type RevealedSecret,
  RobotSecretReveal,
  type RobotSettings,
} from '../components/robot-modals';

/** core-api's defaults, used until the configuration has loaded. */
const DEFAULT_SETTINGS: RobotSettings = { namePrefix: 'robot$', defaultDays: 30, neverExpireAllowed: false };
/** The Robot accounts page: system robots with create (secret shown once), edit, disable, rotate and delete. */
export function RobotsPage() {
  const list = useListState({ sortable: ROBOT_SORTABLE, defaultSort: 'name' });
  const params = listParams(list.state, joinQ(exactTerm('Level', 'system'), fuzzyTerm('name', list.state.search)));
  const robots = useQuery(robotListQuery(params));
  const config = useQuery(configurationsQuery());
  const systemInfo = useQuery(systemInfoQuery());
  const settings: RobotSettings = config.data
    ? {
        namePrefix: config.data.robot_name_prefix.value,
        defaultDays: config.data.robot_token_duration.value,
        neverExpireAllowed: config.data.robot_never_expire_allowed.value,
      }
    : DEFAULT_SETTINGS;
  const [creating, createModal] = useDisclosure(false);
  const [editing, setEditing] = useState<Robot | null>(null);
  const [revealed, setRevealed] = useState<RevealedSecret | null>(null);
  const update = useUpdateRobot();
  const rotate = useRotateRobotSecret();
  const remove = useDeleteRobot();

  const setDisabled = (robot: Robot, disable: boolean) =>
    confirmAction({
      title: disable ? `Disable ${robot.name}?` : `Enable ${robot.name}?`,
      body: disable
        ? 'Its secret stops working at once, until the robot is enabled again.'
        : 'Its secret works again, until the robot expires.',
      confirmLabel: disable ? 'Disable robot' : 'Enable robot',
      danger: disable,
      messages: {
        pending: disable ? `Disabling ${robot.name}…` : `Enabling ${robot.name}…`,
        success: disable ? `${robot.name} disabled` : `${robot.name} enabled`,
        failure: `Could not ${disable ? 'disable' : 'enable'} ${robot.name}`,
      },
      run: () => update.mutateAsync({ robotId: robot.id, changes: { disable } }),
    });

  const rotateSecret = (robot: Robot) =>
    confirmAction({
      title: `Rotate the secret of ${robot.name}?`,
      body: 'A new secret is generated and shown once. The current secret keeps working for 24 hours, so clients can switch over.',
      confirmLabel: 'Rotate secret',
      messages: {
        pending: `Rotating the secret of ${robot.name}…`,
        success: `New secret of ${robot.name} issued`,
        failure: `Could not rotate the secret of ${robot.name}`,
      },
      run: async () => {
        const { secret } = await rotate.mutateAsync(robot.id);
        setRevealed({ title: `New secret of ${robot.name}`, name: robot.name, secret });
      },
    });

  const deleteRobot = (robot: Robot) =>
    confirmAction({
      title: `Delete ${robot.name}?`,
      body: 'Its secret stops working at once and the robot is gone for good. This cannot be undone.',
      confirmLabel: 'Delete robot',
      danger: true,
      messages: {
        pending: `Deleting ${robot.name}…`,
        success: `Robot ${robot.name} deleted`,
        failure: `Could not delete ${robot.name}`,
      },
      run: () => remove.mutateAsync(robot.id),
    });

  const columns: DataTableColumn<Robot>[] = [
    ...ROBOT_COLUMNS,
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (robot) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${robot.name}`}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(robot)}>
              Edit
            </Menu.Item>
            <Menu.Item
              leftSection={
                robot.disable ? <IconPlayerPlay size={14} aria-hidden /> : <IconPlayerPause size={14} aria-hidden />
              }
              onClick={() => setDisabled(robot, !robot.disable)}
            >
              {robot.disable ? 'Enable' : 'Disable'}
            </Menu.Item>
            <Menu.Item leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => rotateSecret(robot)}>
              Rotate secret
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => deleteRobot(robot)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Robot accounts"
        description="System robots for CI systems and scripts: system permissions, and access across projects."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
            New robot account
          </Button>
        }
      />
      <Group mb="sm">
        <SearchInput label="Search robot accounts" value={list.state.search} onSearch={list.setSearch} />
      </Group>
      <DataTable
        label="Robot accounts"
        columns={columns}
        rowKey={(robot) => robot.id}
        {...listTableProps(list, robots)}
        empty={
          list.state.search.trim() ? (
            <NoMatches
              title="No robot accounts match"
              description="Try another search."
              onClear={() => list.setSearch('')}
            />
          ) : (
            <EmptyState
              icon={<IconRobot size={28} />}
              title="No system robot accounts yet"
              description="Create one for a CI system that pushes to several projects or reads the audit log. Robots of one project are managed in the project."
              size="sm"
            >
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={createModal.open}>
                New robot account
              </Button>
            </EmptyState>
          )
        }
      />
      <CreateSystemRobotModal
        opened={creating}
        onClose={createModal.close}
        settings={settings}
        onCreated={setRevealed}
      />
      <EditRobotModal robot={editing} onClose={() => setEditing(null)} settings={settings} />
      <RobotSecretReveal secret={revealed} registry={systemInfo.data?.registry_url} onClose={() => setRevealed(null)} />
    </>
  );
}
