/** A resource type a registry token can grant access to, as in the Docker token spec. */
export type ScopeType = 'repository' | 'registry';

/** One requested or granted resource: `repository:<name>:pull,push` or `registry:catalog:*`. */
export interface ResourceAccess {
  type: ScopeType;
  name: string;
  actions: string[];
}

/** The actions a registry token can carry on a repository. */
export const REPOSITORY_ACTIONS = ['pull', 'push', 'delete'] as const;
export type RepositoryAction = (typeof REPOSITORY_ACTIONS)[number];

/** The catalog resource and its only action. */
export const CATALOG_SCOPE: ResourceAccess = { type: 'registry', name: 'catalog', actions: ['*'] };

/** Thrown for a scope string that is not `type:name:actions`. */
export class ScopeSyntaxError extends Error {}

/** Longest scope string accepted: a repository name (255) plus type, actions and separators, with room to spare. */
const MAX_SCOPE_LENGTH = 512;

/**
 * Parses one scope of the Docker token spec. The name may itself contain `:` only in the registry type's name;
 * repository names never do, so the type is before the first colon and the actions after the last.
 */
export function parseScope(scope: string): ResourceAccess {
  if (scope.length > MAX_SCOPE_LENGTH) throw new ScopeSyntaxError('scope is too long');
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) throw new ScopeSyntaxError(`scope "${scope}" is not type:name:actions`);
  const type = scope.slice(0, first);
  const name = scope.slice(first + 1, last);
  const actions = scope
    .slice(last + 1)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  if (type !== 'repository' && type !== 'registry') throw new ScopeSyntaxError(`unknown scope type "${type}"`);
  if (!name) throw new ScopeSyntaxError(`scope "${scope}" has no name`);
  return { type, name, actions: [...new Set(actions)] };
}

/**
 * Parses the scopes of a token request. The spec repeats `scope`; some clients also join several with spaces in one
 * parameter (OAuth2 style), so both are accepted. Scopes for the same resource are merged.
 */
export function parseScopes(values: readonly string[]): ResourceAccess[] {
  const merged = new Map<string, ResourceAccess>();
  for (const value of values) {
    for (const part of value.split(' ').filter(Boolean)) {
      const access = parseScope(part);
      const key = `${access.type}:${access.name}`;
      const seen = merged.get(key);
      if (seen) seen.actions = [...new Set([...seen.actions, ...access.actions])];
      else merged.set(key, access);
    }
  }
  return [...merged.values()];
}

/** Writes a resource access back as a scope string. */
export function formatScope(access: ResourceAccess): string {
  return `${access.type}:${access.name}:${access.actions.join(',')}`;
}

/** Tells whether a token's access list grants an action on a resource (`*` grants every action). */
export function accessAllows(
  access: readonly ResourceAccess[],
  type: ScopeType,
  name: string,
  action: string,
): boolean {
  return access.some(
    (entry) =>
      entry.type === type && entry.name === name && (entry.actions.includes(action) || entry.actions.includes('*')),
  );
}
