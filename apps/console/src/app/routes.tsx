import { Navigate, type RouteObject } from 'react-router';
import { accountRoutes } from '../features/account/routes';
import { adminRoutes } from '../features/admin/routes';
import { artifactRoutes } from '../features/artifacts/routes';
import { authRoutes } from '../features/auth/routes';
import { RequireSession } from '../features/auth/session/require-session';
import { HOME_PATH } from '../features/auth/session/sign-in-location';
import { projectRoutes } from '../features/projects/routes';
import { NotFoundPage } from './not-found-page';
import { AppLayout } from './shell/app-layout';

/** The console's route tree: sign-in is open; everything else needs a session and sits in the app frame. */
export const appRoutes: RouteObject[] = [
  ...authRoutes,
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to={HOME_PATH} replace /> },
          ...projectRoutes,
          ...artifactRoutes,
          ...adminRoutes,
          ...accountRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
