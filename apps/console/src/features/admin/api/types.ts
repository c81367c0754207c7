import type { components } from '@berth/api-client';

/** An account (`GET /users`, `GET /users/{id}`). */
export type User = components['schemas']['UserResponseDto'];

/** The body of `POST /users`. */
export type CreateUserRequest = components['schemas']['CreateUserDto'];

/** An LDAP group registered in Berth (`GET /usergroups`). */
export type UserGroup = components['schemas']['UserGroupDto'];

/** The body of `POST /usergroups`. */
export type CreateUserGroupRequest = components['schemas']['CreateUserGroupDto'];

/** A robot account, never with its secret (`GET /robots`). */
export type Robot = components['schemas']['RobotResponseDto'];

/** The body of `POST /robots`. */
export type CreateRobotRequest = components['schemas']['CreateRobotDto'];

/** The body of `PUT /robots/{id}`. */
export type UpdateRobotRequest = components['schemas']['UpdateRobotDto'];

/** The answer of `POST /robots`: the only time the secret is shown. */
export type RobotCreated = components['schemas']['RobotCreatedResponseDto'];

/** One entry of the audit log (`GET /audit-logs`). */
export type AuditLogEntry = components['schemas']['AuditLogDto'];

/** Every system setting as `{ value, editable }` (`GET /configurations`). */
export type Configurations = components['schemas']['ConfigurationsResponseDto'];

/** The body of `PUT /configurations`: only the settings to change. */
export type ConfigurationsUpdate = components['schemas']['ConfigurationsDto'];

/** The body of `POST /ldap/ping`: settings to try instead of the stored ones. */
export type LdapPingRequest = components['schemas']['LdapPingDto'];

/** A user `POST /ldap/users/import` did not import, and why. */
export type LdapImportFailure = components['schemas']['LdapFailedImportUserDto'];

/** What LDAP answered to a ping, in words. */
export type LdapPingResult = components['schemas']['LdapPingResultDto'];
