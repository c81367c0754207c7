/** Paging and sort of the token list, as the API takes them. */
export interface TokenListParams {
  page: number;
  page_size: number;
  sort?: string;
  q?: string;
}

/** TanStack Query keys of the signed-in user's account; sign-in and sign-out drop them with the rest. */
export const accountKeys = {
  all: ['account'] as const,
  profile: () => [...accountKeys.all, 'profile'] as const,
  tokens: () => [...accountKeys.all, 'tokens'] as const,
  tokenList: (params: TokenListParams) => [...accountKeys.tokens(), params] as const,
};
