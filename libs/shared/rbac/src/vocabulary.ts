/** A member's role in a project, with Harbor's numeric ids (the API and the database carry these numbers). */
export enum ProjectRole {
  ProjectAdmin = 1,
  Developer = 2,
  Guest = 3,
  Maintainer = 4,
  LimitedGuest = 5,
}

/** Every project role, in Harbor's order of privilege (most first). */
export const PROJECT_ROLES: readonly ProjectRole[] = [
  ProjectRole.ProjectAdmin,
  ProjectRole.Maintainer,
  ProjectRole.Developer,
  ProjectRole.Guest,
  ProjectRole.LimitedGuest,
];

/** Harbor's names of the roles, as the API and the console show them. */
export const PROJECT_ROLE_NAMES: Readonly<Record<ProjectRole, string>> = {
  [ProjectRole.ProjectAdmin]: 'projectAdmin',
  [ProjectRole.Developer]: 'developer',
  [ProjectRole.Guest]: 'guest',
  [ProjectRole.Maintainer]: 'maintainer',
  [ProjectRole.LimitedGuest]: 'limitedGuest',
};

/** Tells whether a number is one of the project role ids. */
export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === 'number' && PROJECT_ROLES.includes(value as ProjectRole);
}

/** Finds a role by its Harbor name (`developer`), or undefined. */
export function projectRoleByName(name: string): ProjectRole | undefined {
  return PROJECT_ROLES.find((role) => PROJECT_ROLE_NAMES[role] === name);
}

/** Resources inside a project, in Harbor's vocabulary. */
export const ProjectResource = {
  Project: 'project',
  Metadata: 'metadata',
  Member: 'member',
  Repository: 'repository',
  Artifact: 'artifact',
  Tag: 'tag',
  Robot: 'robot',
  TagRetention: 'tag-retention',
  ImmutableTag: 'immutable-tag',
  Log: 'log',
  Quota: 'quota',
} as const;
export type ProjectResource = (typeof ProjectResource)[keyof typeof ProjectResource];

/** Resources of the whole system, held by system administrators and system robots. */
export const SystemResource = {
  Project: 'project',
  AuditLog: 'audit-log',
  User: 'user',
  UserGroup: 'user-group',
  Robot: 'robot',
  Configuration: 'configuration',
  Ldap: 'ldap',
  Catalog: 'catalog',
} as const;
export type SystemResource = (typeof SystemResource)[keyof typeof SystemResource];

/** Actions, in Harbor's vocabulary. */
export const Action = {
  Create: 'create',
  Read: 'read',
  Update: 'update',
  Delete: 'delete',
  List: 'list',
  Pull: 'pull',
  Push: 'push',
  Operate: 'operate',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/** One resource/action pair. */
export interface Permission<R extends string = ProjectResource | SystemResource> {
  resource: R;
  action: Action;
}

/** A permission written `resource:action`, as in Harbor (`repository:pull`). */
export type PermissionKey = `${string}:${Action}`;

/** Writes a permission as `resource:action`. */
export function permissionKey(permission: Permission): PermissionKey {
  return `${permission.resource}:${permission.action}`;
}

/** Reads `resource:action` back into a permission, or undefined when the action is not one of ours. */
export function parsePermissionKey(key: string): Permission | undefined {
  const at = key.lastIndexOf(':');
  if (at <= 0) return undefined;
  const action = key.slice(at + 1);
  if (!(Object.values(Action) as string[]).includes(action)) return undefined;
  return { resource: key.slice(0, at) as ProjectResource, action: action as Action };
}
