import { type RobotPermissionGrant } from '@berth/db';
import { type Action, type Permission, isProjectPermission, isSystemPermission } from '@berth/rbac';

/*
 * The pure rules of robot accounts: names, lifetimes and permission lists. The service applies them; they are kept
 * apart so they can be tested as tables.
 */

/** A robot acts across the system or inside one project. */
export type RobotLevelName = 'system' | 'project';

/** The robot levels, for validation and the OpenAPI enum. */
export const ROBOT_LEVELS: readonly RobotLevelName[] = ['system', 'project'];

/** The longest lifetime in days: 100 years, the limit of the default-duration setting too. */
export const MAX_DURATION_DAYS = 36_500;

/** The lifetime that means "never expires". */
export const NEVER_EXPIRES = -1;

/** How long the secret before a rotation keeps working: a day, for clients to pick up the new one. */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** Longest stored name (`<project>+<name>`): the 255 characters of the name column. */
const MAX_STORED_NAME_LENGTH = 255;

/** Harbor's robot name grammar: lower case letters and digits, single `.`, `_` or `-` between them. */
const ROBOT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** The namespace of system-resource grants. */
export const SYSTEM_NAMESPACE = '/';

/** The namespace of project grants that cover every project (system robots only). */
export const ALL_PROJECTS = '*';

/** Milliseconds per day, for lifetimes. */
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** A permission entry as a request states it. */
export interface RequestedGrant {
  kind: 'project' | 'system';
  namespace: string;
  access: { resource: string; action: string; effect?: string }[];
}

/** Validates a robot's short name and builds its stored name, or explains why it is refused. */
export function storedName(
  level: RobotLevelName,
  name: string,
  projectName: string | undefined,
  prefix: string,
): { ok: true; name: string } | { ok: false; reason: string } {
  if (!ROBOT_NAME.test(name)) {
    return {
      ok: false,
      reason: 'the name must be lower case letters and digits, with single ".", "_" or "-" between them',
    };
  }
  const stored = level === 'project' ? `${projectName ?? ''}+${name}` : name;
  if (prefix.length + stored.length > MAX_STORED_NAME_LENGTH) {
    return { ok: false, reason: `the full robot name must be at most ${MAX_STORED_NAME_LENGTH} characters` };
  }
  return { ok: true, name: stored };
}

/** The expiry of a robot created at `createdAt` with a lifetime in days, or null when it never expires. */
export function expiryOf(createdAt: Date, durationDays: number): Date | null {
  return durationDays === NEVER_EXPIRES ? null : new Date(createdAt.getTime() + durationDays * MS_PER_DAY);
}

/** Resolves a requested lifetime: absent or 0 takes the default; -1 only when the policy allows robots that never expire. */
export function resolveDuration(
  requested: number | undefined,
  defaultDays: number,
  neverExpireAllowed: boolean,
): { ok: true; days: number } | { ok: false; reason: string } {
  const days = requested === undefined || requested === 0 ? defaultDays : requested;
  if (days === NEVER_EXPIRES && !neverExpireAllowed) {
    return { ok: false, reason: 'the system does not allow robots that never expire (duration -1)' };
  }
  return { ok: true, days };
}

/** Merges duplicate namespaces and actions, so equal lists compare and store alike. */
function merged(grants: readonly RequestedGrant[]): RobotPermissionGrant[] {
  const byNamespace = new Map<string, RobotPermissionGrant>();
  for (const grant of grants) {
    const key = `${grant.kind}\u0000${grant.namespace}`;
    const target = byNamespace.get(key) ?? { kind: grant.kind, namespace: grant.namespace, access: [] };
    for (const { resource, action } of grant.access) {
      if (!target.access.some((a) => a.resource === resource && a.action === action)) {
        target.access.push({ resource, action });
      }
    }
    byNamespace.set(key, target);
  }
  return [...byNamespace.values()];
}

/**
 * Checks a robot's permission list against its level and normalises it. A project robot holds exactly one project
 * grant, for its own project; a system robot holds system grants (namespace `/`) and project grants (a project name
 * or `*`). Every access must be a permission some role can hold (project) or a system permission (system).
 */
export function checkGrants(
  level: RobotLevelName,
  grants: readonly RequestedGrant[],
): { ok: true; grants: RobotPermissionGrant[] } | { ok: false; reason: string } {
  for (const grant of grants) {
    if (grant.access.length === 0)
      return { ok: false, reason: `the permission for ${grant.namespace} lists no access` };
    for (const access of grant.access) {
      const permission = { resource: access.resource, action: access.action as Action } as Permission;
      const valid = grant.kind === 'project' ? isProjectPermission(permission) : isSystemPermission(permission);
      if (!valid) {
        return { ok: false, reason: `${access.resource}:${access.action} is not a ${grant.kind} permission` };
      }
    }
    if (grant.kind === 'system' && grant.namespace !== SYSTEM_NAMESPACE) {
      return { ok: false, reason: `system permissions take the namespace "${SYSTEM_NAMESPACE}"` };
    }
    if (grant.kind === 'project' && (grant.namespace === '' || grant.namespace === SYSTEM_NAMESPACE)) {
      return { ok: false, reason: 'project permissions take a project name as namespace' };
    }
  }
  const normalised = merged(grants);
  if (level === 'project') {
    if (normalised.length !== 1 || normalised[0]!.kind !== 'project' || normalised[0]!.namespace === ALL_PROJECTS) {
      return { ok: false, reason: 'a project robot holds exactly one project permission, for its project' };
    }
  }
  return { ok: true, grants: normalised };
}

/** Lists the project names that project grants name (`*` excluded). */
export function projectNamespaces(grants: readonly RobotPermissionGrant[]): string[] {
  return grants.filter((g) => g.kind === 'project' && g.namespace !== ALL_PROJECTS).map((g) => g.namespace);
}
