import {
  ANONYMOUS_PUBLIC_PERMISSIONS,
  PROJECT_PERMISSIONS,
  highestRole,
  isProjectPermission,
  isSystemPermission,
  roleCan,
  rolePermissions,
  rolesCan,
} from './matrix';
import {
  type Action,
  PROJECT_ROLES,
  type ProjectResource,
  ProjectRole,
  isProjectRole,
  parsePermissionKey,
  permissionKey,
  projectRoleByName,
} from './vocabulary';

const { ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest } = ProjectRole;

// The statements of Harbor's matrix, one row each: resource, action, the roles that hold it. Every role not
// listed must not hold it.
const EXPECTED: [ProjectResource, Action, ProjectRole[]][] = [
  ['repository', 'pull', [ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest]],
  ['repository', 'push', [ProjectAdmin, Maintainer, Developer]],
  ['repository', 'delete', [ProjectAdmin, Maintainer]],
  ['artifact', 'delete', [ProjectAdmin, Maintainer]],
  ['artifact', 'read', [ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest]],
  ['member', 'create', [ProjectAdmin]],
  ['member', 'update', [ProjectAdmin]],
  ['member', 'delete', [ProjectAdmin]],
  ['member', 'list', [ProjectAdmin, Maintainer, Developer, Guest]],
  ['robot', 'create', [ProjectAdmin]],
  ['robot', 'update', [ProjectAdmin]],
  ['robot', 'delete', [ProjectAdmin]],
  ['project', 'update', [ProjectAdmin]],
  ['project', 'delete', [ProjectAdmin]],
  ['project', 'read', [ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest]],
  ['metadata', 'update', [ProjectAdmin]],
  ['tag-retention', 'create', [ProjectAdmin, Maintainer, Developer]],
  ['tag-retention', 'update', [ProjectAdmin, Maintainer, Developer]],
  ['tag-retention', 'operate', [ProjectAdmin, Maintainer, Developer]],
  ['immutable-tag', 'create', [ProjectAdmin, Maintainer]],
  ['immutable-tag', 'update', [ProjectAdmin, Maintainer]],
  ['immutable-tag', 'delete', [ProjectAdmin, Maintainer]],
  ['log', 'list', [ProjectAdmin]],
  ['tag', 'create', [ProjectAdmin, Maintainer, Developer]],
  ['tag', 'delete', [ProjectAdmin, Maintainer]],
  ['tag', 'list', [ProjectAdmin, Maintainer, Developer, Guest, LimitedGuest]],
];

describe('project permission matrix', () => {
  describe.each(EXPECTED)('%s:%s', (resource, action, holders) => {
    it.each(PROJECT_ROLES.map((role) => [role, holders.includes(role)] as const))(
      'role %i holds it: %s',
      (role, expected) => {
        expect(roleCan(role, resource, action)).toBe(expected);
      },
    );
  });

  it('refuses actions a resource does not have', () => {
    expect(roleCan(ProjectAdmin, 'log', 'delete')).toBe(false);
    expect(roleCan(ProjectAdmin, 'quota', 'update')).toBe(false);
  });

  it('grants a permission when any of several roles holds it', () => {
    expect(rolesCan([Guest, Developer], 'repository', 'push')).toBe(true);
    expect(rolesCan([Guest, LimitedGuest], 'repository', 'push')).toBe(false);
    expect(rolesCan([], 'repository', 'pull')).toBe(false);
  });

  it('gives projectAdmin every project permission and limitedGuest the fewest', () => {
    expect(rolePermissions(ProjectAdmin).sort()).toEqual(PROJECT_PERMISSIONS.map(permissionKey).sort());
    const counts = PROJECT_ROLES.map((role) => rolePermissions(role).length);
    expect(Math.max(...counts)).toBe(rolePermissions(ProjectAdmin).length);
    expect(Math.min(...counts)).toBe(rolePermissions(LimitedGuest).length);
  });

  it('lets anonymous callers of a public project pull and list, and nothing that changes state', () => {
    const keys = ANONYMOUS_PUBLIC_PERMISSIONS.map(permissionKey);
    expect(keys).toContain('repository:pull');
    for (const forbidden of ['repository:push', 'repository:delete', 'artifact:delete', 'member:list', 'log:list']) {
      expect(keys).not.toContain(forbidden);
    }
    for (const p of ANONYMOUS_PUBLIC_PERMISSIONS) expect(roleCan(LimitedGuest, p.resource, p.action)).toBe(true);
  });

  it('orders roles by privilege', () => {
    expect(highestRole([Guest, Maintainer, Developer])).toBe(Maintainer);
    expect(highestRole([LimitedGuest])).toBe(LimitedGuest);
    expect(highestRole([])).toBeUndefined();
  });
});

describe('vocabulary', () => {
  it.each([
    ['repository:pull', { resource: 'repository', action: 'pull' }],
    ['tag-retention:operate', { resource: 'tag-retention', action: 'operate' }],
    ['audit-log:list', { resource: 'audit-log', action: 'list' }],
    ['repository:fly', undefined],
    ['pull', undefined],
    [':pull', undefined],
  ])('parses %s', (key, expected) => {
    expect(parsePermissionKey(key)).toEqual(expected);
  });

  it('tells project permissions from system permissions', () => {
    expect(isProjectPermission({ resource: 'repository', action: 'push' })).toBe(true);
    expect(isProjectPermission({ resource: 'repository', action: 'operate' })).toBe(false);
    expect(isSystemPermission({ resource: 'audit-log', action: 'list' })).toBe(true);
    expect(isSystemPermission({ resource: 'repository', action: 'push' })).toBe(false);
  });

  it('maps role names and ids', () => {
    expect(projectRoleByName('maintainer')).toBe(Maintainer);
    expect(projectRoleByName('owner')).toBeUndefined();
    expect(isProjectRole(5)).toBe(true);
    expect(isProjectRole(6)).toBe(false);
    expect(isProjectRole('1')).toBe(false);
  });
});
