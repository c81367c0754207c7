import type { RouteObject } from 'react-router';
import { systemRoutes } from '../system/routes';
import { NotBuiltPage } from './pages/not-built-page';
import { RequireSysadmin } from './pages/require-sysadmin';

/** The administration section's pages, in navigation order. */
export const ADMIN_PAGES = [
  { path: 'users', label: 'Users', purpose: 'Local and LDAP accounts, and who is a system administrator.' },
  { path: 'groups', label: 'Groups', purpose: 'LDAP groups known to Berth, to give project roles to.' },
  { path: 'robots', label: 'Robot accounts', purpose: 'System robot accounts for CI systems and scripts.' },
  { path: 'audit-log', label: 'Audit log', purpose: 'Who changed what, and every push, pull and delete.' },
  { path: 'configuration', label: 'Configuration', purpose: 'Authentication, LDAP and security settings.' },
  { path: 'system', label: 'System', purpose: 'Version, component health and registry address.' },
] as const;

/** The administration routes, for system administrators only. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: <RequireSysadmin />,
    children: [
      ...ADMIN_PAGES.filter((page) => page.path !== 'system').map((page) => ({
        path: page.path,
        element: <NotBuiltPage title={page.label} purpose={page.purpose} />,
      })),
      ...systemRoutes,
    ],
  },
];
