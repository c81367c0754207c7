import { type RepositoryAction, REPOSITORY_ACTIONS } from '@berth/auth';
import { parseRepositoryName } from '@berth/oci';
import { type PermissionKey } from '@berth/rbac';

/** The project permissions that grant each registry action; any one of them suffices. */
export const REPOSITORY_ACTION_GRANTS: Readonly<Record<RepositoryAction, readonly PermissionKey[]>> = {
  pull: ['repository:pull'],
  push: ['repository:push'],
  delete: ['repository:delete', 'artifact:delete'],
};

/**
 * Intersects the actions a client asked for with those its permissions grant: never an error for asking more, the
 * token just carries less. `*` asks for every action the caller holds; unknown actions are ignored.
 */
export function grantedRepositoryActions(
  requested: readonly string[],
  held: ReadonlySet<PermissionKey>,
): RepositoryAction[] {
  const wanted = new Set(requested.includes('*') ? REPOSITORY_ACTIONS : requested);
  return REPOSITORY_ACTIONS.filter(
    (action) => wanted.has(action) && REPOSITORY_ACTION_GRANTS[action].some((key) => held.has(key)),
  );
}

/**
 * Returns the project a repository scope's name belongs to (its first component), or undefined for a name that is
 * not a valid `<project>/<path>` repository name, which no token ever grants anything on.
 */
export function projectOfRepository(name: string): string | undefined {
  const parsed = parseRepositoryName(name);
  return parsed && parsed.path !== '' ? parsed.project : undefined;
}
