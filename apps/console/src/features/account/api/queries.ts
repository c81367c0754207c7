import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { berthClient, unwrap, unwrapList } from '../../../shared/api/client';
import type { HarborListParams } from '../../../shared/list/list-state';
import { accountKeys } from './keys';

/** Describes `GET /users/current` with the account's full details (source, last sign-in). */
export const profileQuery = () =>
  queryOptions({
    queryKey: accountKeys.profile(),
    queryFn: async ({ signal }) => unwrap(await berthClient.GET('/users/current', { signal })),
  });

/** Describes one page of `GET /users/current/tokens`. */
export const tokenListQuery = (params: HarborListParams) =>
  queryOptions({
    queryKey: accountKeys.tokenList(params),
    queryFn: async ({ signal }) =>
      unwrapList(await berthClient.GET('/users/current/tokens', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
