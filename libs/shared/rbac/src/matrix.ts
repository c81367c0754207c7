import {
  Action,
  type Permission,
  type PermissionKey,
  PROJECT_ROLES,
  ProjectResource,
  ProjectRole,
  SystemResource,
  permissionKey,
} from './vocabulary';

const { ProjectAdmin: ADMIN, Maintainer: MAINT, Developer: DEV, Guest: GUEST, LimitedGuest: LIMITED } = ProjectRole;
const ALL_ROLES = [ADMIN, MAINT, DEV, GUEST, LIMITED] as const;
const WRITERS = [ADMIN, MAINT, DEV] as const;
const MANAGERS = [ADMIN, MAINT] as const;
const MEMBERS_EXCEPT_LIMITED = [ADMIN, MAINT, DEV, GUEST] as const;

/**
 * Harbor's project permission matrix, written as data: for each resource and action, the roles that hold it.
 * Pull for every role; push for projectAdmin, maintainer and developer; deleting repositories and artifacts for
 * projectAdmin and maintainer; members managed by projectAdmin and listed by all but limitedGuest; robots managed by
 * projectAdmin; project settings by projectAdmin; tag retention by projectAdmin, maintainer and developer;
 * immutable-tag rules by projectAdmin and maintainer; the project's audit log by projectAdmin.
 */
export const PROJECT_MATRIX: Readonly<
  Record<ProjectResource, Partial<Readonly<Record<Action, readonly ProjectRole[]>>>>
> = {
  [ProjectResource.Project]: {
    [Action.Read]: ALL_ROLES,
    [Action.Update]: [ADMIN],
    [Action.Delete]: [ADMIN],
  },
  [ProjectResource.Metadata]: {
    [Action.Read]: ALL_ROLES,
    [Action.List]: ALL_ROLES,
    [Action.Create]: [ADMIN],
    [Action.Update]: [ADMIN],
    [Action.Delete]: [ADMIN],
  },
  [ProjectResource.Member]: {
    [Action.Read]: MEMBERS_EXCEPT_LIMITED,
    [Action.List]: MEMBERS_EXCEPT_LIMITED,
    [Action.Create]: [ADMIN],
    [Action.Update]: [ADMIN],
    [Action.Delete]: [ADMIN],
  },
  [ProjectResource.Repository]: {
    [Action.Pull]: ALL_ROLES,
    [Action.Read]: ALL_ROLES,
    [Action.List]: ALL_ROLES,
    [Action.Push]: WRITERS,
    [Action.Update]: WRITERS,
    [Action.Delete]: MANAGERS,
  },
  [ProjectResource.Artifact]: {
    [Action.Read]: ALL_ROLES,
    [Action.List]: ALL_ROLES,
    [Action.Create]: WRITERS,
    [Action.Delete]: MANAGERS,
  },
  [ProjectResource.Tag]: {
    [Action.List]: ALL_ROLES,
    [Action.Create]: WRITERS,
    [Action.Delete]: MANAGERS,
  },
  [ProjectResource.Robot]: {
    [Action.Read]: MANAGERS,
    [Action.List]: MANAGERS,
    [Action.Create]: [ADMIN],
    [Action.Update]: [ADMIN],
    [Action.Delete]: [ADMIN],
  },
  [ProjectResource.TagRetention]: {
    [Action.Read]: WRITERS,
    [Action.List]: WRITERS,
    [Action.Create]: WRITERS,
    [Action.Update]: WRITERS,
    [Action.Delete]: WRITERS,
    [Action.Operate]: WRITERS,
  },
  [ProjectResource.ImmutableTag]: {
    [Action.List]: MEMBERS_EXCEPT_LIMITED,
    [Action.Create]: MANAGERS,
    [Action.Update]: MANAGERS,
    [Action.Delete]: MANAGERS,
  },
  [ProjectResource.Log]: {
    [Action.List]: [ADMIN],
  },
  [ProjectResource.Quota]: {
    [Action.Read]: MEMBERS_EXCEPT_LIMITED,
  },
};

/** Tells whether a project role holds a permission. */
export function roleCan(role: ProjectRole, resource: ProjectResource, action: Action): boolean {
  return PROJECT_MATRIX[resource]?.[action]?.includes(role) ?? false;
}

/** Tells whether any of several roles (a user's own and their groups') holds a permission. */
export function rolesCan(roles: readonly ProjectRole[], resource: ProjectResource, action: Action): boolean {
  return roles.some((role) => roleCan(role, resource, action));
}

/** Lists the permissions a role holds, as `resource:action` keys. */
export function rolePermissions(role: ProjectRole): PermissionKey[] {
  const keys: PermissionKey[] = [];
  for (const [resource, actions] of Object.entries(PROJECT_MATRIX)) {
    for (const [action, roles] of Object.entries(actions)) {
      if (roles.includes(role))
        keys.push(permissionKey({ resource: resource as ProjectResource, action: action as Action }));
    }
  }
  return keys;
}

/** The permissions anonymous callers hold on a public project: pull and list, nothing else. */
export const ANONYMOUS_PUBLIC_PERMISSIONS: readonly Permission<ProjectResource>[] = [
  { resource: ProjectResource.Project, action: Action.Read },
  { resource: ProjectResource.Repository, action: Action.Pull },
  { resource: ProjectResource.Repository, action: Action.Read },
  { resource: ProjectResource.Repository, action: Action.List },
  { resource: ProjectResource.Artifact, action: Action.Read },
  { resource: ProjectResource.Artifact, action: Action.List },
  { resource: ProjectResource.Tag, action: Action.List },
];

/** The permissions a signed-in user holds on a public project they are not a member of (Harbor: as a guest, read only). */
export const PUBLIC_PROJECT_VISITOR_PERMISSIONS = ANONYMOUS_PUBLIC_PERMISSIONS;

/** Every project permission some role holds: what a project-level robot may be granted. */
export const PROJECT_PERMISSIONS: readonly Permission<ProjectResource>[] = Object.entries(PROJECT_MATRIX).flatMap(
  ([resource, actions]) =>
    Object.keys(actions).map((action) => ({ resource: resource as ProjectResource, action: action as Action })),
);

/** The system-level permissions a system administrator holds and a system robot may be granted. */
export const SYSTEM_PERMISSIONS: readonly Permission<SystemResource>[] = [
  { resource: SystemResource.Project, action: Action.Create },
  { resource: SystemResource.Project, action: Action.List },
  { resource: SystemResource.AuditLog, action: Action.List },
  { resource: SystemResource.User, action: Action.List },
  { resource: SystemResource.User, action: Action.Read },
  { resource: SystemResource.UserGroup, action: Action.List },
  { resource: SystemResource.UserGroup, action: Action.Read },
  { resource: SystemResource.Robot, action: Action.List },
  { resource: SystemResource.Robot, action: Action.Read },
  { resource: SystemResource.Configuration, action: Action.Read },
  { resource: SystemResource.Catalog, action: Action.Read },
];

/** Tells whether a permission is one a project role can hold (so a project robot may be granted it). */
export function isProjectPermission(permission: Permission): permission is Permission<ProjectResource> {
  return PROJECT_PERMISSIONS.some((p) => p.resource === permission.resource && p.action === permission.action);
}

/** Tells whether a permission is one of the system-level permissions. */
export function isSystemPermission(permission: Permission): permission is Permission<SystemResource> {
  return SYSTEM_PERMISSIONS.some((p) => p.resource === permission.resource && p.action === permission.action);
}

/** The most privileged role of several, in Harbor's order, or undefined for none. */
export function highestRole(roles: readonly ProjectRole[]): ProjectRole | undefined {
  return PROJECT_ROLES.find((role) => roles.includes(role));
}
