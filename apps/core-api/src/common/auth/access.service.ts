import { type ProjectEntity, ProjectMemberRepository, ProjectRepository } from '@berth/db';
import {
  type Action,
  ANONYMOUS_PUBLIC_PERMISSIONS,
  PROJECT_PERMISSIONS,
  type PermissionKey,
  type ProjectResource,
  type ProjectRole,
  SYSTEM_PERMISSIONS,
  type SystemResource,
  isProjectRole,
  permissionKey,
  rolePermissions,
} from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { type Principal } from './principal';

/** The parts of a project that decide access. */
export type ProjectAccessTarget = Pick<ProjectEntity, 'id' | 'name' | 'public'>;

const ALL_PROJECT_KEYS = new Set(PROJECT_PERMISSIONS.map(permissionKey));
const ALL_SYSTEM_KEYS = new Set(SYSTEM_PERMISSIONS.map(permissionKey));
const PUBLIC_KEYS = ANONYMOUS_PUBLIC_PERMISSIONS.map(permissionKey);

/** Permissions any signed-in user holds at system level (Harbor's default: everyone may create projects). */
const USER_SYSTEM_KEYS = new Set<PermissionKey>(['project:create', 'project:list']);

function restrictToToken(principal: Principal, keys: Set<PermissionKey>): Set<PermissionKey> {
  if (principal.kind !== 'user' || !principal.token) return keys;
  const scopes = new Set(principal.token.scopes);
  return new Set([...keys].filter((key) => scopes.has(key)));
}

/**
 * Decides what a principal may do: the effective permissions in a project (roles of the user and their groups,
 * a robot's grants, a public project's read access) and at system level. The one place that reads the matrix.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly members: ProjectMemberRepository,
    private readonly projects: ProjectRepository,
  ) {}

  /** Lists the project roles a principal holds in a project (users only; robots and anonymous callers have none). */
  async rolesIn(principal: Principal, projectId: number): Promise<ProjectRole[]> {
    if (principal.kind !== 'user') return [];
    const roles = await this.members.rolesOf(projectId, principal.id, principal.groupIds);
    return roles.filter(isProjectRole);
  }

  /** Computes every `resource:action` a principal holds in a project. */
  async projectPermissions(principal: Principal, project: ProjectAccessTarget): Promise<Set<PermissionKey>> {
    const keys = new Set<PermissionKey>(project.public ? PUBLIC_KEYS : []);
    switch (principal.kind) {
      case 'anonymous':
        return keys;
      case 'robot':
        for (const grant of principal.permissions) {
          if (grant.kind !== 'project') continue;
          if (grant.namespace !== project.name && grant.namespace !== '*') continue;
          for (const access of grant.access) {
            const key = `${access.resource}:${access.action}` as PermissionKey;
            if (ALL_PROJECT_KEYS.has(key)) keys.add(key);
          }
        }
        return keys;
      case 'user': {
        if (principal.sysadmin) return restrictToToken(principal, new Set(ALL_PROJECT_KEYS));
        for (const role of await this.rolesIn(principal, project.id)) {
          for (const key of rolePermissions(role)) keys.add(key);
        }
        return restrictToToken(principal, keys);
      }
    }
  }

  /** Tells whether a principal may perform an action on a resource of a project. */
  async can(
    principal: Principal,
    project: ProjectAccessTarget,
    resource: ProjectResource,
    action: Action,
  ): Promise<boolean> {
    return (await this.projectPermissions(principal, project)).has(permissionKey({ resource, action }));
  }

  /** Computes every system-level `resource:action` a principal holds. */
  systemPermissions(principal: Principal): Set<PermissionKey> {
    switch (principal.kind) {
      case 'anonymous':
        return new Set();
      case 'robot': {
        const keys = new Set<PermissionKey>();
        for (const grant of principal.permissions) {
          if (grant.kind !== 'system') continue;
          for (const access of grant.access) {
            const key = `${access.resource}:${access.action}` as PermissionKey;
            if (ALL_SYSTEM_KEYS.has(key)) keys.add(key);
          }
        }
        return keys;
      }
      case 'user':
        return restrictToToken(principal, new Set(principal.sysadmin ? ALL_SYSTEM_KEYS : USER_SYSTEM_KEYS));
    }
  }

  /** Tells whether a principal holds a system-level permission. */
  canSystem(principal: Principal, resource: SystemResource, action: Action): boolean {
    return this.systemPermissions(principal).has(permissionKey({ resource, action }));
  }

  /**
   * Lists the ids of the private projects a principal can see besides the public ones, or `all`. Callers combine it
   * with `project.public = true` in their queries.
   */
  async visibleProjectIds(principal: Principal): Promise<number[] | 'all'> {
    switch (principal.kind) {
      case 'anonymous':
        return [];
      case 'robot': {
        const namespaces = principal.permissions.filter((g) => g.kind === 'project').map((g) => g.namespace);
        if (namespaces.includes('*')) return 'all';
        return this.projects.idsByNames(namespaces);
      }
      case 'user':
        if (principal.sysadmin) return 'all';
        return this.members.projectIdsOf(principal.id, principal.groupIds);
    }
  }
}
