import type { HarborListParams } from '../../../shared/list/list-state';

/** TanStack Query keys of the projects feature, nested so one invalidation reaches a project's lists. */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (params: HarborListParams & { public?: string }) => [...projectKeys.lists(), params] as const,
  detail: (projectId: number) => [...projectKeys.all, 'detail', projectId] as const,
  summary: (projectId: number) => [...projectKeys.detail(projectId), 'summary'] as const,
  repositories: (projectId: number, params: HarborListParams) =>
    [...projectKeys.detail(projectId), 'repositories', params] as const,
  members: (projectId: number) => [...projectKeys.detail(projectId), 'members'] as const,
  memberList: (projectId: number, params: HarborListParams) => [...projectKeys.members(projectId), params] as const,
  robots: (projectId: number) => [...projectKeys.detail(projectId), 'robots'] as const,
  robotList: (projectId: number, params: HarborListParams) => [...projectKeys.robots(projectId), params] as const,
  logs: (projectId: number, params: HarborListParams) => [...projectKeys.detail(projectId), 'logs', params] as const,
  userSearch: (text: string) => ['user-search', text] as const,
};
