import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiList, apiRequest, type QueryParams } from '../../../shared/api/client';
import { projectKeys } from './keys';
import type { LdapGroupSearchResult, Member, Project, ProjectSummary, Repository, UserSearchResult } from './types';

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

/** Describes `GET /ldap/groups/search?groupname=` for the add-member picker. */
export const ldapGroupSearchQuery = (text: string) =>
  queryOptions({
    queryKey: projectKeys.ldapGroupSearch(text),
    queryFn: async ({ signal }) =>
      (await apiRequest<LdapGroupSearchResult[]>('/ldap/groups/search', { query: { groupname: text }, signal })).data,
    enabled: text.trim().length > 0,
  });
