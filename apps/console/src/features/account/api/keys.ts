import type { HarborListParams } from '../../../shared/list/list-state';

/** TanStack Query keys of the signed-in user's account; sign-in and sign-out drop them with the rest. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
  tokenList: (params: HarborListParams) => [...accountKeys.tokens(), params] as const,
};
