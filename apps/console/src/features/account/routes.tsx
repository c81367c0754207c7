import { Navigate, type RouteObject } from 'react-router';
import { AccountPage } from './pages/account-page';
import { ProfileTab } from './pages/profile-tab';
import { TokensTab } from './pages/tokens-tab';

/** The signed-in user's account screens: profile with password, and personal access tokens. */
export const accountRoutes: RouteObject[] = [
  {
    path: 'account',
    element: <AccountPage />,
    children: [
      { index: true, element: <Navigate to="profile" replace /> },
      { path: 'profile', element: <ProfileTab /> },
      { path: 'tokens', element: <TokensTab /> },
    ],
  },
];
