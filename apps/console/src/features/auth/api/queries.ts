import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { berthClient, unwrap } from '../../../shared/api/client';
import { sessionKeys } from './keys';
import type { User } from '../../../shared/api/types';

/** Describes the current-user query: the signed-in user, or null when there is no session (401). */
export const currentUserQuery = () =>
  queryOptions({
    queryKey: sessionKeys.currentUser(),
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        return unwrap(await berthClient.GET('/users/current', { signal }));
      } catch (error) {
        if (isApiError(error, HttpStatus.Unauthorized)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });

/** Loads the signed-in user, or null. */
export const useCurrentUser = () => useQuery(currentUserQuery());
