import type { Action, ProjectResource, ProjectRole, SystemResource } from '@berth/rbac';
import type { ReactNode } from 'react';
import type { PermissionScope } from './permissions';
import { usePermissions } from './use-permissions';

/** Props of Can. */
export interface CanProps {
  /** The project the action is in, or `system`. */
  scope: PermissionScope;
  resource: ProjectResource | SystemResource;
  action: Action;
  /**
   * What to show when allowed; or a function of `allowed`, to render a disabled control (with a reason) rather than
   * hiding it.
   */
  children: ReactNode | ((allowed: boolean) => ReactNode);
  /** What to show instead when not allowed (nothing by default). */
  fallback?: ReactNode;
  /** The user's roles in the project, used with the role matrix until (or if not) the API answers. */
  roles?: readonly ProjectRole[];
}

/** Shows its children only when the signed-in user may take an action, per `/users/current/permissions`. */
export function Can({ scope, resource, action, children, fallback = null, roles }: CanProps) {
  const { can } = usePermissions(scope, { roles });
  const allowed = can(resource, action);
  if (typeof children === 'function') return <>{children(allowed)}</>;
  return <>{allowed ? children : fallback}</>;
}
