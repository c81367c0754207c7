import type { RouteObject } from 'react-router';
import { SignInPage } from './pages/sign-in-page';
import { SIGN_IN_PATH } from './session/sign-in-location';

/** The routes open to visitors without a session. */
export const authRoutes: RouteObject[] = [{ path: SIGN_IN_PATH, element: <SignInPage /> }];
