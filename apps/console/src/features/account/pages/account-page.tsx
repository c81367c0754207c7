import { PageHeader } from '@berth/console-ui';
import { Tabs } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../auth/session/session-context';

/** The account page's tabs, each a child route. */
export const ACCOUNT_TABS = [
  { path: 'profile', label: 'Profile' },
  { path: 'tokens', label: 'Access tokens' },
] as const;

/** The signed-in user's account: profile and password, and personal access tokens. */
export function AccountPage() {
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = ACCOUNT_TABS.find((t) => location.pathname.endsWith(`/${t.path}`))?.path ?? 'profile';
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${user.username}.`} />
      <Tabs value={tab} onChange={(next) => next && navigate(`/account/${next}`)}>
        <Tabs.List>
          {ACCOUNT_TABS.map((t) => (
            <Tabs.Tab key={t.path} value={t.path}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
