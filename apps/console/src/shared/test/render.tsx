import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { AppProviders } from '../../app/providers';
import { createQueryClient } from '../../app/query-client';
import { appRoutes } from '../../app/routes';
import type { User } from '../api/types';
import { SessionContext } from '../../features/auth/session/session-context';

/** A signed-in user for tests; override what the test is about. */
export function testUser(overrides: Partial<User> = {}): User {
  return {
    user_id: 7,
    username: 'alice',
    email: 'alice@example.test',
    realname: 'Alice Example',
    comment: '',
    sysadmin_flag: false,
    admin_role_in_auth: false,
    source: 'ldap',
    last_login_time: '2025-01-02T03:04:05Z',
    creation_time: '2025-01-01T00:00:00Z',
    update_time: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

/** Renders routes in a memory router at `url`, inside the console's providers; returns the router to read the URL. */
export function renderRoutes(routes: RouteObject[], url = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <AppProviders queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, queryClient, view };
}

/** Renders the whole console at `url` (stub the API first). */
export function renderConsole(url = '/') {
  return renderRoutes(appRoutes, url);
}

/** Renders an element at `/` with a signed-in session, for component tests. */
export function renderWithSession(element: ReactNode, user: User = testUser(), url = '/') {
  return renderRoutes(
    [{ path: '*', element: <SessionContext.Provider value={{ user }}>{element}</SessionContext.Provider> }],
    url,
  );
}

/** The URL a router is at, as `path?query`. */
export function currentUrl(router: ReturnType<typeof createMemoryRouter>): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}
