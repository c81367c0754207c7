import { Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { onUnauthorized } from '../../../shared/api/session-events';
import { ErrorMessage } from '../../../shared/ui/query-state';
import { sessionKeys } from '../api/keys';
import { useCurrentUser } from '../api/queries';
import { SessionContext } from './session-context';
import { signInUrl } from './sign-in-location';

/**
 * Guards the signed-in area: loads the current user, sends visitors without a session to sign-in with a way back,
 * and ends the session when any API call answers 401 (expired or revoked), with a notice on the sign-in page.
 */
export function RequireSession() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const currentUser = useCurrentUser();
  const [expired, setExpired] = useState(false);
  const user = currentUser.data;

  useEffect(
    () =>
      onUnauthorized(() => {
        if (!queryClient.getQueryData(sessionKeys.currentUser())) return;
        setExpired(true);
        queryClient.setQueryData(sessionKeys.currentUser(), null);
        queryClient.removeQueries({
          predicate: (query) => query.queryKey[0] !== 'system' && query.queryKey[0] !== sessionKeys.all[0],
        });
      }),
    [queryClient],
  );

  const session = useMemo(() => (user ? { user } : null), [user]);

  if (currentUser.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (currentUser.isError) {
    return (
      <Center h="100vh" p="md">
        <Stack maw={480}>
          <ErrorMessage error={currentUser.error} onRetry={() => void currentUser.refetch()} />
        </Stack>
      </Center>
    );
  }
  if (!session) {
    return (
      <Navigate to={signInUrl(`${location.pathname}${location.search}`, expired ? 'expired' : undefined)} replace />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Outlet />
    </SessionContext.Provider>
  );
}
