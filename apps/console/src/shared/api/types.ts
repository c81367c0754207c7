import type { components, paths } from '@berth/api-client';

/*
 * The console's names for the shapes of the Berth API, every one an alias of the client generated from core-api's
 * OpenAPI document (`npm run openapi`), so a changed DTO fails the console's typecheck instead of its users. One alias
 * per concept, all here: features import them rather than declare their own.
 */

type Schemas = components['schemas'];

// Session and accounts

/** The body of `POST /c/login` (sent as a form, see `useSignIn`). */
export type Credentials = Schemas['LoginDto'];

/** An account (`GET /users`, `GET /users/{id}`), or the signed-in one (`GET /users/current`). */
export type User = Schemas['UserResponseDto'];

/** The body of `POST /users`. */
export type CreateUserRequest = Schemas['CreateUserDto'];

/** A user found by `GET /users/search`, for the add-member picker. */
export type UserSearchResult = Schemas['UserSearchItemDto'];

/** One permission of the caller in a scope (`GET /users/current/permissions`). */
export type CallerPermission = Schemas['PermissionDto'];

/** An LDAP group registered in Berth (`GET /usergroups`). */
export type UserGroup = Schemas['UserGroupDto'];

/** The body of `POST /usergroups`. */
export type CreateUserGroupRequest = Schemas['CreateUserGroupDto'];

/** A personal access token, never with its secret (`GET /users/current/tokens`). */
export type PersonalAccessToken = Schemas['PersonalAccessTokenResponseDto'];

/** The body of `POST /users/current/tokens`. */
export type CreateTokenRequest = Schemas['CreatePersonalAccessTokenDto'];

/** The answer of `POST /users/current/tokens`: the only time the whole token is shown. */
export type CreatedToken = Schemas['PersonalAccessTokenCreatedDto'];

// Robots

/** A robot account, never with its secret (`GET /robots`, `GET /projects/{p}/robots`). */
export type Robot = Schemas['RobotResponseDto'];

/** One grant of a robot: a namespace (a project, `*` for all projects, `/` for the system) and its accesses. */
export type RobotPermission = Schemas['RobotPermissionDto'];

/** The body of `POST /robots`. */
export type CreateRobotRequest = Schemas['CreateRobotDto'];

/** The body of `PUT /robots/{id}`. */
export type UpdateRobotRequest = Schemas['UpdateRobotDto'];

/** The answer of `POST /robots`: the only time the secret is shown. */
export type RobotCreated = Schemas['RobotCreatedResponseDto'];

// Projects, members, repositories and artifacts

/** A project (`GET /projects`, `GET /projects/{p}`). */
export type Project = Schemas['ProjectResponseDto'];

/** A project's summary (`GET /projects/{p}/summary`): repository and member counts and the quota. */
export type ProjectSummary = Schemas['ProjectSummaryDto'];

/** The body of `POST /projects`. */
export type CreateProjectRequest = Schemas['CreateProjectDto'];

/** The body of `PUT /projects/{p}`: only the settings to change. */
export type UpdateProjectRequest = Schemas['UpdateProjectDto'];

/** A membership (`GET /projects/{p}/members`): a user (`u`) or a group (`g`) with a role. */
export type Member = Schemas['MemberResponseDto'];

/** The body of `POST /projects/{p}/members`: a user by name, or an LDAP group by DN, with a role. */
export type CreateMemberRequest = Schemas['CreateMemberDto'];

/** A repository of a project; `name` includes the project (`team-a/api`). */
export type Repository = Schemas['RepositoryResponseDto'];

/** The body of `PUT /projects/{p}/repositories/{r}`. */
export type UpdateRepositoryRequest = Schemas['UpdateRepositoryDto'];

/** An artifact (a manifest or an index) with its tags and, for an index, the manifests it lists. */
export type Artifact = Schemas['ArtifactResponseDto'];

/** A manifest an index lists, with the platform it is for. */
export type ArtifactReference = Schemas['ReferenceDto'];

/** The platform of an index entry. */
export type Platform = Schemas['PlatformDto'];

/** One step of an image's build, from its config's history. */
export type BuildHistoryEntry = Schemas['BuildHistoryEntryDto'];

/** A manifest or config as pushed (`GET …/artifacts/{reference}/manifest` and `/config`). */
export type JsonDocument =
  paths['/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/manifest']['get']['responses'][200]['content']['application/json'];

// Audit, configuration, LDAP and the system

/** One entry of an audit log (`GET /audit-logs`, `GET /projects/{p}/logs`). */
export type AuditLogEntry = Schemas['AuditLogDto'];

/** Every system setting as `{ value, editable }` (`GET /configurations`). */
export type Configurations = Schemas['ConfigurationsResponseDto'];

/** The body of `PUT /configurations`: only the settings to change. */
export type ConfigurationsUpdate = Schemas['ConfigurationsDto'];

/** The body of `POST /ldap/ping`: settings to try instead of the stored ones. */
export type LdapPingRequest = Schemas['LdapPingDto'];

/** What LDAP answered to a ping, in words. */
export type LdapPingResult = Schemas['LdapPingResultDto'];

/** A user `POST /ldap/users/import` did not import, and why. */
export type LdapImportFailure = Schemas['LdapFailedImportUserDto'];

/** An LDAP group as `GET /ldap/groups/search` finds it. */
export type LdapGroup = Schemas['LdapUserGroupDto'];

/** An LDAP user as `GET /ldap/users/search` finds it. */
export type LdapUser = Schemas['LdapUserDto'];

/** The answer of `GET /systeminfo`. */
export type SystemInfo = Schemas['SystemInfoDto'];

/** The answer of `GET /health`. */
export type Health = Schemas['OverallHealthDto'];

/** Whether one component, or the whole service, works. */
export type HealthStatus = Health['status'];

/** One component of `GET /health`. */
export type ComponentHealth = Schemas['ComponentHealthDto'];
