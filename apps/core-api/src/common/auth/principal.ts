import { type RobotPermissionGrant } from '@berth/db';
import { type PermissionKey } from '@berth/rbac';

/** A caller that presented no credentials. */
export interface AnonymousPrincipal {
  kind: 'anonymous';
}

/** How a user proved who they are on this request. */
export type UserAuthMethod = 'password' | 'session' | 'personal-access-token';

/** A signed-in person: a local or LDAP account. */
export interface UserPrincipal {
  kind: 'user';
  id: number;
  username: string;
  sysadmin: boolean;
  /** Ids of the user groups (LDAP groups known to Berth) the user belongs to, resolved at login. */
  groupIds: number[];
  via: UserAuthMethod;
  /** With a personal access token: the token's id and the `resource:action` keys it is limited to. */
  token?: { id: number; scopes: PermissionKey[] };
}

/** An automation account with an explicit permission list. */
export interface RobotPrincipal {
  kind: 'robot';
  id: number;
  /** The full login name, prefix included (`robot$library+ci`). */
  name: string;
  level: 'system' | 'project';
  projectId: number | null;
  permissions: RobotPermissionGrant[];
}

/** Whoever is calling. */
export type Principal = AnonymousPrincipal | UserPrincipal | RobotPrincipal;

/** The anonymous principal, shared because it carries no state. */
export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ kind: 'anonymous' });

/** Who acted and from where: what services take first and write to the audit log. */
export interface Actor {
  principal: Principal;
  /** The client address as Express sees it (X-Forwarded-For honoured only from trusted proxies). */
  sourceIp: string | null;
}

/** Names a principal the way the audit log and the API show it. */
export function principalName(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return principal.username;
    case 'robot':
      return principal.name;
  }
}

/**
 * Tells whether a principal acts with a system administrator's full power: an administrator's own account, not one
 * of their personal access tokens (those carry only their scopes).
 */
export function isSysadmin(principal: Principal): boolean {
  return principal.kind === 'user' && principal.sysadmin && !principal.token;
}
