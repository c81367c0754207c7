import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { apiRequest } from '../../../shared/api/client';
import { sessionKeys } from './keys';
import type { CurrentUser } from './types';

/** Describes the current-user query: the signed-in user, or null when there is no session (401). */
export const currentUserQuery = () =>
  queryOptions({
    queryKey: sessionKeys.currentUser(),
    queryFn: async ({ signal }): Promise<CurrentUser | null> => {
      try {
        return (await apiRequest<CurrentUser>('/users/current', { signal })).data;
      } catch (error) {
        if (isApiError(error, HttpStatus.Unauthorized)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });

/** Loads the signed-in user, or null. */
export const useCurrentUser = () => useQuery(currentUserQuery());
