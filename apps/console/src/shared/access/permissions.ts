import {
  type Action,
  type Permission,
  type PermissionKey,
  type ProjectResource,
  type SystemResource,
  permissionKey,
} from '@berth/rbac';
import { queryOptions } from '@tanstack/react-query';
import { berthClient, unwrap } from '../api/client';

/** Where a set of permissions applies: one project, or the whole system. */
export type PermissionScope = { projectId: number } | 'system';

/** Harbor's scope string of `/users/current/permissions`: `/project/{id}` or `/system`. */
export function scopePath(scope: PermissionScope): string {
  return scope === 'system' ? '/system' : `/project/${scope.projectId}`;
}

/** TanStack Query keys of permissions; sign-in and sign-out drop them with the rest of the user's data. */
export const permissionKeys = {
  all: ['permissions'] as const,
  scope: (scope: PermissionScope) => [...permissionKeys.all, scopePath(scope)] as const,
};

/**
 * Describes the query of the caller's permissions in a scope (`GET /users/current/permissions?scope=…&relative=true`),
 * as the set of their `resource:action` keys.
 */
export const permissionsQuery = (scope: PermissionScope) =>
  queryOptions({
    queryKey: permissionKeys.scope(scope),
    queryFn: async ({ signal }) => {
      const granted = unwrap(
        await berthClient.GET('/users/current/permissions', {
          params: { query: { scope: scopePath(scope), relative: true } },
          signal,
        }),
      );
      // Relative to the scope, resources and actions are @berth/rbac's words; the document types them as strings
      // because an absolute scope prefixes the resource with its path.
      return new Set<PermissionKey>(granted.map((permission) => permissionKey(permission as Permission)));
    },
    // Roles change rarely within a session; a minute keeps buttons honest without a request per render.
    staleTime: 60_000,
  });

/** A permission check bound to a scope. */
export type CanFn = (resource: ProjectResource | SystemResource, action: Action) => boolean;
