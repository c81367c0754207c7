import type { HarborListParams } from '../../../shared/list/list-state';

/** TanStack Query keys of the administration screens, nested so one invalidation reaches a resource's lists. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (params: HarborListParams) => [...adminKeys.users(), params] as const,
  groups: () => [...adminKeys.all, 'groups'] as const,
  groupList: (params: HarborListParams) => [...adminKeys.groups(), params] as const,
  robots: () => [...adminKeys.all, 'robots'] as const,
  robotList: (params: HarborListParams) => [...adminKeys.robots(), params] as const,
  auditLog: (params: HarborListParams) => [...adminKeys.all, 'audit-log', params] as const,
  configurations: () => [...adminKeys.all, 'configurations'] as const,
};
