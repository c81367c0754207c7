import { type Action, type ProjectResource, type SystemResource } from '@berth/rbac';
import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route's access requirement, read by the global AuthorizationGuard. */
export const PERMISSION_METADATA = 'berth:permission';

/** Default route parameter that names the project of a project-scoped route, as in Harbor's paths. */
export const PROJECT_PARAM = 'project_name_or_id';

/** What a route requires of its caller. */
export type AccessRequirement =
  | { kind: 'authenticated' }
  | { kind: 'system-admin' }
  | { kind: 'system'; resource: SystemResource; action: Action }
  | { kind: 'project'; resource: ProjectResource; action: Action; param: string };

/** Requires any signed-in caller (user or robot), whatever their permissions. */
export const RequireAuthenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_METADATA, { kind: 'authenticated' } satisfies AccessRequirement);

/** Requires a system administrator. */
export const RequireSystemAdmin = (): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_METADATA, { kind: 'system-admin' } satisfies AccessRequirement);

/** Requires a system-level permission (held by system administrators, some users, system robots). */
export const RequireSystemPermission = (resource: SystemResource, action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_METADATA, { kind: 'system', resource, action } satisfies AccessRequirement);

/**
 * Requires a permission in the project named by a route parameter (`project_name_or_id` unless given). The guard
 * loads the project and hands it to the handler through `@CurrentProject()`. Callers who cannot see the project get
 * 404 (401 when anonymous), so private projects never leak their existence; callers who see it but lack the action
 * get 403.
 */
export const RequirePermission = (
  resource: ProjectResource,
  action: Action,
  param: string = PROJECT_PARAM,
): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_METADATA, { kind: 'project', resource, action, param } satisfies AccessRequirement);
