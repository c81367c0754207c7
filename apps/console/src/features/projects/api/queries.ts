import { totalCount } from '@berth/api-client';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiList, apiRequest, berthClient, type ListPage, type QueryParams, unwrap } from '../../../shared/api/client';
import type { HarborListParams } from '../../../shared/list/list-state';
import { projectKeys } from './keys';
import type { AuditLogEntry, Member, Project, ProjectSummary, Repository, Robot, UserSearchResult } from './types';

/** Search results offered in the add-member pickers: enough to choose from, few enough to read. */
const SEARCH_RESULTS = 20;

/** Describes one page of `GET /projects`. */
export const projectListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => apiList<Project>('/projects', { query: params, signal }),
    placeholderData: keepPreviousData,
  });

/** Describes `GET /projects/{id}`. */
export const projectQuery = (projectId: number) =>
  queryOptions({
    queryKey: projectKeys.detail(projectId),
    queryFn: async ({ signal }) => (await apiRequest<Project>(`/projects/${projectId}`, { signal })).data,
  });

/** Describes `GET /projects/{id}/summary`: repository and member counts and the quota. */
export const projectSummaryQuery = (projectId: number) =>
  queryOptions({
    queryKey: projectKeys.summary(projectId),
    queryFn: async ({ signal }) =>
      (await apiRequest<ProjectSummary>(`/projects/${projectId}/summary`, { signal })).data,
  });

/** Describes one page of `GET /projects/{name}/repositories` (Harbor addresses repositories by project name). */
export const repositoryListQuery = (project: Pick<Project, 'project_id' | 'name'>, params: QueryParams) =>
  queryOptions({
    queryKey: projectKeys.repositories(project.project_id, params),
    queryFn: ({ signal }) =>
      apiList<Repository>(`/projects/${encodeURIComponent(project.name)}/repositories`, {
        query: params,
        signal,
        headers: { 'X-Is-Resource-Name': 'true' },
      }),
    placeholderData: keepPreviousData,
  });

/** Describes one page of `GET /projects/{id}/members`. */
export const memberListQuery = (projectId: number, params: QueryParams) =>
  queryOptions({
    queryKey: projectKeys.memberList(projectId, params),
    queryFn: ({ signal }) => apiList<Member>(`/projects/${projectId}/members`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });

/** Describes `GET /users/search?username=` for the add-member picker. */
export const userSearchQuery = (text: string) =>
  queryOptions({
    queryKey: projectKeys.userSearch(text),
    queryFn: async ({ signal }) =>
      (
        await apiRequest<UserSearchResult[]>('/users/search', {
          query: { username: text, page_size: SEARCH_RESULTS },
          signal,
        })
      ).data,
    enabled: text.trim().length > 0,
  });

/** Turns a typed list answer into its page and the total of all pages (`X-Total-Count`). */
function listPage<T>(answer: { data?: T[]; error?: unknown; response: Response }): ListPage<T> {
  const items = unwrap(answer);
  return { items, total: totalCount(answer.response) ?? items.length };
}

/** Describes one page of `GET /projects/{id}/robots`. */
export const robotListQuery = (projectId: number, params: HarborListParams) =>
  queryOptions({
    queryKey: projectKeys.robotList(projectId, params),
    queryFn: async ({ signal }): Promise<ListPage<Robot>> =>
      listPage(
        await berthClient.GET('/projects/{project_name_or_id}/robots', {
          params: {
            path: { project_name_or_id: String(projectId) },
            query: { page: params.page, page_size: params.page_size, sort: params.sort, q: params.q },
          },
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
      listPage(
        await berthClient.GET('/projects/{project_name_or_id}/logs', {
          params: {
            path: { project_name_or_id: String(projectId) },
            query: { page: params.page, page_size: params.page_size, sort: params.sort, q: params.q },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
