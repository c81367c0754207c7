import { type PermissionKey, ProjectRole, rolePermissions } from '@berth/rbac';
import { grantedRepositoryActions, projectOfRepository } from './token-access';

const role = (r: ProjectRole) => new Set<PermissionKey>(rolePermissions(r));
const none = new Set<PermissionKey>();
const publicVisitor = new Set<PermissionKey>(['project:read', 'repository:pull', 'repository:read']);
const robotDelete = new Set<PermissionKey>(['artifact:delete']);

describe('grantedRepositoryActions: requested ∩ held', () => {
  it.each([
    ['admin asks pull,push', ['pull', 'push'], role(ProjectRole.ProjectAdmin), ['pull', 'push']],
    ['admin asks *', ['*'], role(ProjectRole.ProjectAdmin), ['pull', 'push', 'delete']],
    ['maintainer asks delete', ['delete'], role(ProjectRole.Maintainer), ['delete']],
    ['developer asks pull,push,delete', ['pull', 'push', 'delete'], role(ProjectRole.Developer), ['pull', 'push']],
    ['developer asks *', ['*'], role(ProjectRole.Developer), ['pull', 'push']],
    ['guest asks pull,push', ['pull', 'push'], role(ProjectRole.Guest), ['pull']],
    ['limited guest asks pull', ['pull'], role(ProjectRole.LimitedGuest), ['pull']],
    ['public visitor asks pull,push', ['pull', 'push'], publicVisitor, ['pull']],
    ['public visitor asks *', ['*'], publicVisitor, ['pull']],
    ['stranger asks pull', ['pull'], none, []],
    ['artifact:delete alone grants delete', ['delete'], robotDelete, ['delete']],
    ['unknown actions are ignored', ['pull', 'admin', 'PUSH'], role(ProjectRole.ProjectAdmin), ['pull']],
    ['nothing asked, nothing granted', [], role(ProjectRole.ProjectAdmin), []],
  ])('%s', (_label, requested, held, expected) => {
    expect(grantedRepositoryActions(requested, held)).toEqual(expected);
  });
});

describe('projectOfRepository', () => {
  it.each([
    ['library/app', 'library'],
    ['team-a/group/app', 'team-a'],
    ['library', undefined],
    ['library/../secret/x', undefined],
    ['library/a%2Fb', undefined],
    ['Library/app', undefined],
    ['/library/app', undefined],
    ['', undefined],
  ])('%j belongs to %j', (name, project) => {
    expect(projectOfRepository(name)).toBe(project);
  });
});
