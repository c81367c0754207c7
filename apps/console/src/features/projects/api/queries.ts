import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { berthClient, type ListPage, unwrap, unwrapList } from '../../../shared/api/client';
import type { AuditLogEntry, Member, Project, Repository, Robot } from '../../../shared/api/types';
import type { HarborListParams } from '../../../shared/list/list-state';
import { projectKeys } from './keys';
import { projectPath } from './paths';

/** Search results offered in the add-member pickers: enough to choose from, few enough to read. */
const SEARCH_RESULTS = 20;

/** The `public` filter of the project list: `true`, `false`, or every project when undefined. */
export type ProjectVisibility = 'true' | 'false';

/** Describes one page of `GET /projects`, optionally only the public or the private ones. */
export const projectListQuery = (params: HarborListParams, visibility?: ProjectVisibility) =>
  queryOptions({
    queryKey: projectKeys.list({ ...params, public: visibility }),
    queryFn: async ({ signal }): Promise<ListPage<Project>> =>
      unwrapList(
        await berthClient.GET('/projects', {
          params: { query: { ...params, ...(visibility ? { public: visibility } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Describes `GET /projects/{id}`. */
export const projectQuery = (projectId: number) =>
  queryOptions({
    queryKey: projectKeys.detail(projectId),
    queryFn: async ({ signal }) =>
      unwrap(
        await berthClient.GET('/projects/{project_name_or_id}', { params: { path: projectPath(projectId) }, signal }),
      ),
  });

/** Describes `GET /projects/{id}/summary`: repository and member counts and the quota. */
export const projectSummaryQuery = (projectId: number) =>
  queryOptions({
    queryKey: projectKeys.summary(projectId),
    queryFn: async ({ signal }) =>
      unwrap(
        await berthClient.GET('/projects/{project_name_or_id}/summary', {
          params: { path: projectPath(projectId) },
          signal,
        }),
      ),
  });

/** Describes one page of `GET /projects/{id}/repositories`. */
export const repositoryListQuery = (projectId: number, params: HarborListParams) =>
  queryOptions({
    queryKey: projectKeys.repositories(projectId, params),
    queryFn: async ({ signal }): Promise<ListPage<Repository>> =>
      unwrapList(
        await berthClient.GET('/projects/{project_name_or_id}/repositories', {
          params: { path: projectPath(projectId), query: params },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /projects/{id}/members`. */
export const memberListQuery = (projectId: number, params: HarborListParams) =>
  queryOptions({
    queryKey: projectKeys.memberList(projectId, params),
    queryFn: async ({ signal }): Promise<ListPage<Member>> =>
      unwrapList(
        await berthClient.GET('/projects/{project_name_or_id}/members', {
          params: { path: projectPath(projectId), query: params },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Describes `GET /users/search?username=` for the add-member picker. */
export const userSearchQuery = (text: string) =>
  queryOptions({
    queryKey: projectKeys.userSearch(text),
    queryFn: async ({ signal }) =>
      unwrap(
        await berthClient.GET('/users/search', {
          params: { query: { username: text, page_size: SEARCH_RESULTS } },
          signal,
        }),
      ),
    enabled: text.trim().length > 0,
  });

/** Describes one page of `GET /projects/{id}/robots`. */
export const robotListQuery = (projectId: number, params: HarborListParams) =>
  queryOptions({
    queryKey: projectKeys.robotList(projectId, params),
    queryFn: async ({ signal }): Promise<ListPage<Robot>> =>
      unwrapList(
        await berthClient.GET('/projects/{project_name_or_id}/robots', {
          params: { path: projectPath(projectId), query: params },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /projects/{id}/logs`, the project's audit log. */
export const projectLogQuery = (projectId: number, params: HarborListParams) =>
  queryOptions({
    queryKey: projectKeys.logs(projectId, params),
    queryFn: async ({ signal }): Promise<ListPage<AuditLogEntry>> =>
      unwrapList(
        await berthClient.GET('/projects/{project_name_or_id}/logs', {
          params: { path: projectPath(projectId), query: params },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
