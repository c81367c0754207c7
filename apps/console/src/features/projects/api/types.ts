import type { components } from '@berth/api-client';

/*
 * Shapes of the project, repository and member routes, as Harbor answers them. None of these routes is in
 * openapi.json yet: they are typed here from core-api's DTOs (`apps/core-api/src/modules/{projects,members}/dto`) and
 * Harbor's API, and give way to the generated types once `npm run openapi` picks the routes up.
 */

/** Harbor's project metadata: every value is a string, booleans as "true"/"false". */
export interface ProjectMetadata {
  public?: string;
  [key: string]: string | undefined;
}

/** A project (`GET /projects`, `GET /projects/{id}`). */
export interface Project {
  project_id: number;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  metadata: ProjectMetadata;
  repo_count: number;
  /** Storage quota in bytes, -1 for unlimited. */
  storage_limit: number;
  /** Bytes the project's artifacts use. */
  storage_used: number;
  current_user_role_id: number;
  current_user_role_ids: number[];
  creation_time: string;
  update_time: string;
}

/** Storage figures of a quota, in bytes; `-1` in `hard` is unlimited. */
export interface ResourceList {
  storage: number;
}

/** A project's summary (`GET /projects/{id}/summary`). */
export interface ProjectSummary {
  repo_count: number;
  project_admin_count: number;
  maintainer_count: number;
  developer_count: number;
  guest_count: number;
  limited_guest_count: number;
  quota?: { hard: ResourceList; used: ResourceList };
}

/** The body of `POST /projects`. */
export interface CreateProjectRequest {
  project_name: string;
  metadata: { public: 'true' | 'false' };
  /** Bytes, or -1 for unlimited. */
  storage_limit: number;
}

/** The body of `PUT /projects/{id}`: only the settings to change. */
export type UpdateProjectRequest = components['schemas']['UpdateProjectDto'];

/** A repository (`GET /projects/{name}/repositories`); `name` includes the project (`team-a/api`). */
export interface Repository {
  id: number;
  project_id: number;
  name: string;
  description?: string;
  artifact_count: number;
  pull_count: number;
  creation_time: string;
  update_time: string;
}

/** A membership (`GET /projects/{id}/members`): a user (`u`) or a group (`g`) with a role. */
export interface Member {
  id: number;
  project_id: number;
  entity_name: string;
  entity_type: 'u' | 'g';
  entity_id: number;
  role_id: number;
  role_name: string;
}

/** The body of `POST /projects/{id}/members`: a user by name, or an LDAP group by DN. */
export type CreateMemberRequest =
  | { role_id: number; member_user: { username: string } }
  | { role_id: number; member_group: { ldap_group_dn: string; group_name: string; group_type: 1 } };

/** A user found by `GET /users/search`. */
export interface UserSearchResult {
  user_id: number;
  username: string;
}

/** A robot account of a project (never its secret). */
export type Robot = components['schemas']['RobotResponseDto'];

/** The body of `POST /robots`. */
export type CreateRobotRequest = components['schemas']['CreateRobotDto'];

/** A created robot with its secret, shown this once. */
export type RobotCreated = components['schemas']['RobotCreatedResponseDto'];

/** One entry of a project's audit log. */
export type AuditLogEntry = components['schemas']['AuditLogDto'];
