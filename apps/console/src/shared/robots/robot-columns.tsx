import type { DataTableColumn } from '@berth/console-ui';
import { Badge, Stack, Text } from '@mantine/core';
import type { Robot } from '../api/types';
import { formatDateTime, formatRelative } from '../format';
import { describePermissions } from '../ui/permissions-editor';

/** Columns of the robot lists the API sorts by (core-api's ROBOT_LIST). */
export const ROBOT_SORTABLE = ['name', 'creation_time'] as const;

const MS_PER_SECOND = 1000;

/** When a robot expires, as a date; null when it never does (`expires_at` -1). */
export function robotExpiry(robot: Robot): Date | null {
  return robot.expires_at === -1 ? null : new Date(robot.expires_at * MS_PER_SECOND);
}

/** A robot's state: disabled, expired or enabled. */
export function RobotStatus({ robot, now = new Date() }: { robot: Robot; now?: Date }) {
  const expires = robotExpiry(robot);
  if (robot.disable)
    return (
      <Badge color="gray" variant="dot">
        Disabled
      </Badge>
    );
  if (expires && expires.getTime() <= now.getTime())
    return (
      <Badge color="orange" variant="dot">
        Expired
      </Badge>
    );
  return (
    <Badge color="teal" variant="dot">
      Enabled
    </Badge>
  );
}

/** The columns of a robot table: name and description, state, permissions, expiry, last use and creation. */
export const ROBOT_COLUMNS: DataTableColumn<Robot>[] = [
  {
    key: 'name',
    header: 'Name',
    sortField: 'name',
    render: (robot) => (
      <Stack gap={0}>
        <Text size="sm" fw={500} ff="monospace">
          {robot.name}
        </Text>
        {robot.description ? (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {robot.description}
          </Text>
        ) : null}
      </Stack>
    ),
  },
  { key: 'status', header: 'Status', render: (robot) => <RobotStatus robot={robot} /> },
  {
    key: 'permissions',
    header: 'Permissions',
    render: (robot) => <Text size="sm">{describePermissions(robot.permissions)}</Text>,
  },
  {
    key: 'expires',
    header: 'Expires',
    render: (robot) => {
      const expires = robotExpiry(robot);
      return <Text size="sm">{expires ? formatDateTime(expires.toISOString()) : 'Never'}</Text>;
    },
  },
  {
    key: 'last-used',
    header: 'Last used',
    render: (robot) => (
      <Text
        size="sm"
        c={robot.last_used_time ? undefined : 'dimmed'}
        title={robot.last_used_time ? formatDateTime(robot.last_used_time) : undefined}
      >
        {robot.last_used_time ? formatRelative(robot.last_used_time) : 'Never'}
      </Text>
    ),
  },
  {
    key: 'created',
    header: 'Created',
    sortField: 'creation_time',
    render: (robot) => <Text size="sm">{formatDateTime(robot.creation_time)}</Text>,
  },
];
