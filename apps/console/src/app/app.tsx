import type { QueryClient } from '@tanstack/react-query';
import { type createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './providers';

/** The router type the console runs on (a browser router; a memory router in tests). */
export type ConsoleRouter = ReturnType<typeof createBrowserRouter>;

/** The Berth admin console: providers around the router. */
export function App({ queryClient, router }: { queryClient: QueryClient; router: ConsoleRouter }) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
