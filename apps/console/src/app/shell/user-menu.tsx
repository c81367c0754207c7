import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../../features/auth/api/mutations';
import { useSession } from '../../features/auth/session/session-context';
import { SIGN_IN_PATH } from '../../features/auth/session/sign-in-location';
import { notifyFailure } from '../../shared/ui/notify';

/** The signed-in user's menu in the header: who is signed in, and sign out. */
export function UserMenu() {
  const { user } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`${user.username}, account menu`}>
          <Group gap={6} wrap="nowrap">
            <Avatar size="sm" radius="xl" aria-hidden />
            <Text size="sm" visibleFrom="sm">
              {user.username}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.realname || user.username}
          {user.sysadmin_flag ? ' · administrator' : ''}
        </Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
          Your account
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => navigate(`${SIGN_IN_PATH}?reason=signed-out`, { replace: true }),
              onError: (error) => notifyFailure('Could not sign out', error),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
