import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { berthClient, unwrap, unwrapList } from '../../../shared/api/client';
import type { HarborListParams } from '../../../shared/list/list-state';
import { adminKeys } from './keys';

/** Describes one page of `GET /users`. */
export const userListQuery = (params: HarborListParams) =>
  queryOptions({
    queryKey: adminKeys.userList(params),
    queryFn: async ({ signal }) => unwrapList(await berthClient.GET('/users', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /usergroups`. */
export const groupListQuery = (params: HarborListParams) =>
  queryOptions({
    queryKey: adminKeys.groupList(params),
    queryFn: async ({ signal }) =>
      unwrapList(await berthClient.GET('/usergroups', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /robots` (the caller puts `Level=system` in `q`). */
export const robotListQuery = (params: HarborListParams) =>
  queryOptions({
    queryKey: adminKeys.robotList(params),
    queryFn: async ({ signal }) => unwrapList(await berthClient.GET('/robots', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /audit-logs`. */
export const auditLogQuery = (params: HarborListParams) =>
  queryOptions({
    queryKey: adminKeys.auditLog(params),
    queryFn: async ({ signal }) =>
      unwrapList(await berthClient.GET('/audit-logs', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes `GET /configurations`. */
export const configurationsQuery = () =>
  queryOptions({
    queryKey: adminKeys.configurations(),
    queryFn: async ({ signal }) => unwrap(await berthClient.GET('/configurations', { signal })),
  });
