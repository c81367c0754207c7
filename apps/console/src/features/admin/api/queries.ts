import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { berthClient, unwrap, unwrapList } from '../../../shared/api/client';
import { type AdminListParams, adminKeys } from './keys';

/** Describes one page of `GET /users`. */
export const userListQuery = (params: AdminListParams) =>
  queryOptions({
    queryKey: adminKeys.userList(params),
    queryFn: async ({ signal }) => unwrapList(await berthClient.GET('/users', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /usergroups`. */
export const groupListQuery = (params: AdminListParams) =>
  queryOptions({
    queryKey: adminKeys.groupList(params),
    queryFn: async ({ signal }) =>
      unwrapList(await berthClient.GET('/usergroups', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /robots` (the caller puts `Level=system` in `q`). */
export const robotListQuery = (params: AdminListParams) =>
  queryOptions({
    queryKey: adminKeys.robotList(params),
    queryFn: async ({ signal }) => unwrapList(await berthClient.GET('/robots', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /audit-logs`. */
export const auditLogQuery = (params: AdminListParams) =>
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
