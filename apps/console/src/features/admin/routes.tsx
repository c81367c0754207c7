import type { RouteObject } from 'react-router';
import { systemRoutes } from '../system/routes';
import { AuditLogPage } from './pages/audit-log-page';
import { ConfigurationPage } from './pages/configuration-page';
import { GroupsPage } from './pages/groups-page';
import { RequireSysadmin } from './pages/require-sysadmin';
import { RobotsPage } from './pages/robots-page';
import { UsersPage } from './pages/users-page';

/** The administration section's pages, in navigation order. */
export const ADMIN_PAGES = [
  { path: 'users', label: 'Users' },
  { path: 'groups', label: 'Groups' },
  { path: 'robots', label: 'Robot accounts' },
  { path: 'audit-log', label: 'Audit log' },
  { path: 'configuration', label: 'Configuration' },
  { path: 'system', label: 'System' },
] as const;

/** The administration routes, for system administrators only. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: <RequireSysadmin />,
    children: [
      { path: 'users', element: <UsersPage /> },
      { path: 'groups', element: <GroupsPage /> },
      { path: 'robots', element: <RobotsPage /> },
      { path: 'audit-log', element: <AuditLogPage /> },
      { path: 'configuration', element: <ConfigurationPage /> },
      ...systemRoutes,
    ],
  },
];
