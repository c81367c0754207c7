import { useMutation, useQueryClient } from '@tanstack/react-query';
import { berthClient, expectOk, unwrap } from '../../../shared/api/client';
import { accountKeys } from './keys';
import type { CreateTokenRequest } from '../../../shared/api/types';

/** Changes the signed-in user's own password (`PUT /users/{id}/password` with the current one). */
export function useChangeOwnPassword(userId: number) {
  return useMutation({
    mutationFn: async ({ oldPassword, newPassword }: { oldPassword: string; newPassword: string }) =>
      expectOk(
        await berthClient.PUT('/users/{user_id}/password', {
          params: { path: { user_id: userId } },
          body: { old_password: oldPassword, new_password: newPassword },
        }),
      ),
  });
}

/** Creates a personal access token (`POST /users/current/tokens`); the answer holds the token, this once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateTokenRequest) =>
      unwrap(await berthClient.POST('/users/current/tokens', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}

/** Revokes one of the signed-in user's tokens at once (`DELETE /users/current/tokens/{id}`). */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tokenId: number) =>
      expectOk(
        await berthClient.DELETE('/users/current/tokens/{token_id}', { params: { path: { token_id: tokenId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
