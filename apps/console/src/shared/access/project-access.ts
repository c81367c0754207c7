import { type Action, type ProjectResource, type ProjectRole, isProjectRole, rolesCan } from '@berth/rbac';
import type { Session } from '../../features/auth/session/session-context';

/**
 * Tells from a project's own `current_user_role_ids` and the `@berth/rbac` matrix whether the user may act on it:
 * for rows of a list, where asking the permissions endpoint once per row would cost a request each.
 */
export function canInProject(
  session: Session,
  roleIds: readonly number[] | undefined,
  resource: ProjectResource,
  action: Action,
): boolean {
  if (session.user.sysadmin_flag) return true;
  const roles = (roleIds ?? []).filter(isProjectRole) as ProjectRole[];
  return rolesCan(roles, resource, action);
}
