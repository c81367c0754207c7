import type { Configurations, Robot, User } from '../../shared/api/types';

/** The stored settings as core-api answers them by default, every one editable; override what a test is about. */
export function configurationsFixture(overrides: Partial<Record<keyof Configurations, unknown>> = {}): Configurations {
  const values: Record<keyof Configurations, unknown> = {
    auth_mode: 'db_auth',
    ldap_url: '',
    ldap_search_dn: '',
    ldap_search_password_set: false,
    ldap_base_dn: '',
    ldap_filter: '',
    ldap_uid: 'uid',
    ldap_scope: 2,
    ldap_timeout: 5,
    ldap_verify_cert: true,
    ldap_group_base_dn: '',
    ldap_group_search_filter: '(objectClass=groupOfNames)',
    ldap_group_attribute_name: 'cn',
    ldap_group_membership_attribute: 'memberof',
    ldap_group_admin_dn: '',
    ldap_group_search_scope: 2,
    ldap_nested_groups_depth: 0,
    ldap_group_cache_ttl_seconds: 300,
    self_registration: false,
    token_expiration: 30,
    robot_token_duration: 30,
    robot_name_prefix: 'robot$',
    robot_never_expire_allowed: false,
    audit_log_retention_days: 0,
    login_lockout_threshold: 10,
    login_lockout_minutes: 15,
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, { value, editable: key !== 'ldap_search_password_set' }]),
  ) as unknown as Configurations;
}

/** An account as `GET /users` lists it. */
export function userFixture(id: number, username: string, overrides: Partial<User> = {}): User {
  return {
    user_id: id,
    username,
    email: `${username}@example.test`,
    realname: '',
    comment: '',
    sysadmin_flag: false,
    admin_role_in_auth: false,
    source: 'local',
    last_login_time: null,
    creation_time: '2025-01-02T03:04:05Z',
    update_time: '2025-01-02T03:04:05Z',
    ...overrides,
  };
}

/** A system robot as `GET /robots` lists it. */
export function robotFixture(id: number, name: string, overrides: Partial<Robot> = {}): Robot {
  return {
    id,
    name,
    description: '',
    level: 'system',
    duration: 30,
    editable: true,
    disable: false,
    expires_at: Math.floor(Date.UTC(2099, 0, 1) / 1000),
    permissions: [
      { kind: 'project', namespace: '*', access: [{ resource: 'repository', action: 'pull', effect: 'allow' }] },
    ],
    creation_time: '2025-01-02T03:04:05Z',
    update_time: '2025-01-02T03:04:05Z',
    last_used_time: null,
    ...overrides,
  };
}
