import { Navigate, type RouteObject } from 'react-router';
import { ProjectListPage } from './pages/project-list-page';
import { ProjectLogsTab } from './pages/project-logs-tab';
import { ProjectMembersTab } from './pages/project-members-tab';
import { ProjectPage } from './pages/project-page';
import { ProjectRepositoriesTab } from './pages/project-repositories-tab';
import { ProjectRobotsTab } from './pages/project-robots-tab';
import { ProjectSummaryTab } from './pages/project-summary-tab';

/** The projects screens: the list, and a project with its tabs (robot accounts and logs included). */
export const projectRoutes: RouteObject[] = [
  { path: 'projects', element: <ProjectListPage /> },
  {
    path: 'projects/:projectId',
    element: <ProjectPage />,
    children: [
      { index: true, element: <Navigate to="summary" replace /> },
      { path: 'summary', element: <ProjectSummaryTab /> },
      { path: 'repositories', element: <ProjectRepositoriesTab /> },
      { path: 'members', element: <ProjectMembersTab /> },
      { path: 'robots', element: <ProjectRobotsTab /> },
      { path: 'logs', element: <ProjectLogsTab /> },
    ],
  },
];
