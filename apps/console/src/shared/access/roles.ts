import { PROJECT_ROLES, ProjectRole, isProjectRole } from '@berth/rbac';

/** How the console names the project roles. */
export const ROLE_LABELS: Readonly<Record<ProjectRole, string>> = {
  [ProjectRole.ProjectAdmin]: 'Project admin',
  [ProjectRole.Maintainer]: 'Maintainer',
  [ProjectRole.Developer]: 'Developer',
  [ProjectRole.Guest]: 'Guest',
  [ProjectRole.LimitedGuest]: 'Limited guest',
};

/** The role choices of a select, most privileged first. */
export const ROLE_OPTIONS = PROJECT_ROLES.map((role) => ({ value: String(role), label: ROLE_LABELS[role] }));

/** Names a role id, or says it is unknown. */
export function roleLabel(roleId: number): string {
  return isProjectRole(roleId) ? ROLE_LABELS[roleId] : `Role ${roleId}`;
}

/** Reads the value of a role select back as its role; the select offers only ROLE_OPTIONS, so others are a bug. */
export function parseRole(value: string): ProjectRole {
  const role = Number(value);
  if (!isProjectRole(role)) throw new Error(`not a project role: ${value}`);
  return role;
}
