import { PageHeader } from '@berth/console-ui';
import { Text } from '@mantine/core';
import { Outlet } from 'react-router';
import { useSession } from '../../auth/session/session-context';

/** Shows the administration screens to system administrators only; others learn why they cannot see them. */
export function RequireSysadmin() {
  const { user } = useSession();
  if (!user.sysadmin_flag) {
    return (
      <>
        <PageHeader title="Administrators only" />
        <Text>This page is for system administrators. Ask one if you need something changed here.</Text>
      </>
    );
  }
  return <Outlet />;
}
