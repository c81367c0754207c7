import { AppShell, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconFolders,
  IconListDetails,
  IconRobot,
  IconServer,
  IconSettings,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { ADMIN_PAGES } from '../../features/admin/routes';
import { useSession } from '../../features/auth/session/session-context';
import { BrandMark } from '../../shared/ui/brand-mark';
import { ColorSchemeMenu } from './color-scheme-menu';
import { UserMenu } from './user-menu';

const ADMIN_ICONS: Record<(typeof ADMIN_PAGES)[number]['path'], typeof IconUsers> = {
  users: IconUsers,
  groups: IconUsersGroup,
  robots: IconRobot,
  'audit-log': IconListDetails,
  configuration: IconSettings,
  system: IconServer,
};

/** Width of the navigation column; below the `sm` breakpoint it folds behind the burger. */
const NAVBAR_WIDTH = 232;
const HEADER_HEIGHT = 52;

function NavItem({ to, label, icon: Icon }: { to: string; label: string; icon: typeof IconUsers }) {
  const location = useLocation();
  const active = location.pathname === to || location.pathname.startsWith(`${to}/`);
  return (
    <NavLink
      component={RouterNavLink}
      to={to}
      label={label}
      active={active}
      leftSection={<Icon size={18} stroke={1.5} aria-hidden />}
    />
  );
}

/** The signed-in console's frame: header (brand, theme, user menu), navigation, and the page. */
export function AppLayout() {
  const { user } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // A page chosen from the folded navigation closes it again.
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: NAVBAR_WIDTH, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <a href="#main" className="skip-link">
              Skip to content
            </a>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <UnstyledButton component={Link} to="/projects" aria-label="Berth home">
              <Group gap={8} wrap="nowrap">
                <BrandMark />
                <Text fw={700} size="lg">
                  Berth
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <NavItem to="/projects" label="Projects" icon={IconFolders} />
          {user.sysadmin_flag ? (
            <>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4} id="nav-admin">
                Administration
              </Text>
              <nav aria-labelledby="nav-admin">
                {ADMIN_PAGES.map((page) => (
                  <NavItem
                    key={page.path}
                    to={`/admin/${page.path}`}
                    label={page.label}
                    icon={ADMIN_ICONS[page.path]}
                  />
                ))}
              </nav>
            </>
          ) : null}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
