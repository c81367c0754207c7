import type { QueryParams } from '../../../shared/api/client';

/** TanStack Query keys of the projects feature, nested so one invalidation reaches a project's lists. */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (params: QueryParams) => [...projectKeys.lists(), params] as const,
  detail: (projectId: number) => [...projectKeys.all, 'detail', projectId] as const,
  summary: (projectId: number) => [...projectKeys.detail(projectId), 'summary'] as const,
  repositories: (projectId: number, params: QueryParams) =>
    [...projectKeys.detail(projectId), 'repositories', params] as const,
  members: (projectId: number) => [...projectKeys.detail(projectId), 'members'] as const,
  memberList: (projectId: number, params: QueryParams) => [...projectKeys.members(projectId), params] as const,
  robots: (projectId: number) => [...projectKeys.detail(projectId), 'robots'] as const,
  robotList: (projectId: number, params: QueryParams) => [...projectKeys.robots(projectId), params] as const,
  logs: (projectId: number, params: QueryParams) => [...projectKeys.detail(projectId), 'logs', params] as const,
  userSearch: (text: string) => ['user-search', text] as const,
};
