import { type PermissionKey, type ProjectRole, permissionKey, rolePermissions } from '@berth/rbac';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useOptionalSession } from '../../features/auth/session/session-context';
import { type CanFn, type PermissionScope, permissionsQuery } from './permissions';

/** What usePermissions answers. */
export interface PermissionsHandle {
  /** Tells whether the signed-in user may take an action; false while permissions load. */
  can: CanFn;
  isPending: boolean;
  isError: boolean;
}

/** Options of usePermissions. */
export interface UsePermissionsOptions {
  /**
   * The user's roles in the project as the project itself reports them (`current_user_role_ids`): used with the
   * `@berth/rbac` matrix while the permissions answer is awaited or when it fails.
   */
  roles?: readonly ProjectRole[];
}

/** Derives permission keys from project roles with the shared role matrix. */
export function permissionsOfRoles(roles: readonly ProjectRole[]): Set<PermissionKey> {
  return new Set(roles.flatMap((role) => rolePermissions(role)));
}

/**
 * Loads what the signed-in user may do in a project (or the system) and answers `can(resource, action)` in
 * `@berth/rbac`'s vocabulary. System administrators may do everything. The server still checks every call: this only
 * decides what the console shows and enables.
 */
export function usePermissions(
  scope: PermissionScope | undefined,
  { roles }: UsePermissionsOptions = {},
): PermissionsHandle {
  const session = useOptionalSession();
  const sysadmin = session?.user.sysadmin_flag === true;
  const query = useQuery({
    ...permissionsQuery(scope ?? 'system'),
    enabled: scope !== undefined && session !== null && !sysadmin,
  });
  const rolesKey = roles?.join();
  const fromRoles = useMemo(
    () => (rolesKey ? permissionsOfRoles(rolesKey.split(',').map(Number) as ProjectRole[]) : undefined),
    [rolesKey],
  );
  const granted = query.data ?? fromRoles;
  const can = useCallback<CanFn>(
    (resource, action) => sysadmin || (granted?.has(permissionKey({ resource, action })) ?? false),
    [sysadmin, granted],
  );
  return { can, isPending: !sysadmin && query.isPending && !fromRoles, isError: query.isError };
}
