/** Harbor's list parameters as the admin lists send them. */
export interface AdminListParams {
  page: number;
  page_size: number;
  sort?: string;
  q?: string;
}

/** TanStack Query keys of the administration screens, nested so one invalidation reaches a resource's lists. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (params: AdminListParams) => [...adminKeys.users(), params] as const,
  groups: () => [...adminKeys.all, 'groups'] as const,
  groupList: (params: AdminListParams) => [...adminKeys.groups(), params] as const,
  robots: () => [...adminKeys.all, 'robots'] as const,
  robotList: (params: AdminListParams) => [...adminKeys.robots(), params] as const,
  auditLog: (params: AdminListParams) => [...adminKeys.all, 'audit-log', params] as const,
  configurations: () => [...adminKeys.all, 'configurations'] as const,
};
