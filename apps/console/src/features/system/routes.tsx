import type { RouteObject } from 'react-router';
import { SystemInfoPage } from './pages/system-info-page';

/** The System screen, mounted under the administration section. */
export const systemRoutes: RouteObject[] = [{ path: 'system', element: <SystemInfoPage /> }];
