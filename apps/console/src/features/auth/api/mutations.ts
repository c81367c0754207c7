import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, HttpStatus, isApiError } from '../../../shared/api/api-error';
import { expectOk, sessionClient } from '../../../shared/api/client';
import { forgetCsrfToken } from '../../../shared/api/csrf';
import { sessionKeys } from './keys';
import { currentUserQuery } from './queries';
import type { Credentials } from '../../../shared/api/types';

/** What the sign-in form shows when the API refuses the credentials without saying more. */
export const WRONG_CREDENTIALS = 'Wrong username or password.';

/** Turns the answers of `/c/login` into messages for the sign-in form. */
function signInError(error: unknown): unknown {
  if (isApiError(error, HttpStatus.Unauthorized) || isApiError(error, HttpStatus.Forbidden)) {
    return new ApiError(WRONG_CREDENTIALS, error.status, error.code);
  }
  if (isApiError(error, HttpStatus.TooManyRequests)) {
    return new ApiError(`Too many failed attempts. ${error.message}`, error.status, error.code);
  }
  return error;
}

/** Encodes the sign-in form as Harbor's `/c/login` takes it (core-api also takes JSON; the form is Harbor's contract). */
function formBody(credentials: Credentials): string {
  return new URLSearchParams({ principal: credentials.principal, password: credentials.password }).toString();
}

/** Signs in at `/c/login` (form `principal`, `password`), then loads the user the new session belongs to. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      try {
        expectOk(
          await sessionClient.POST('/c/login', {
            body: credentials,
            bodySerializer: formBody,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          }),
        );
      } catch (error) {
        throw signInError(error);
      }
      // Every other query may hold an anonymous or another user's view: start afresh.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'system' });
      return queryClient.fetchQuery(currentUserQuery());
    },
  });
}

/** Signs out at `/c/log_out` and forgets everything loaded for the user. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      expectOk(await sessionClient.GET('/c/log_out'));
    },
    onSettled: () => {
      forgetCsrfToken();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'system' });
      queryClient.setQueryData(sessionKeys.currentUser(), null);
    },
  });
}
