import { type LdapScope, type SystemConfiguration } from './configuration-keys';

/** The LDAP settings in the shape the LDAP module uses, the bind password in clear (never log this object). */
export interface LdapSettings {
  url: string;
  searchDn: string;
  searchPassword: string;
  baseDn: string;
  filter: string;
  uidAttribute: string;
  scope: LdapScope;
  timeoutSeconds: number;
  verifyCert: boolean;
  groupBaseDn: string;
  groupSearchFilter: string;
  groupNameAttribute: string;
  /** The user attribute listing the user's groups (memberOf); when a user has none, groups are found by member. */
  groupMembershipAttribute: string;
  groupAdminDn: string;
  groupSearchScope: LdapScope;
  nestedGroupsDepth: number;
  groupCacheTtlSeconds: number;
}

/** Picks the LDAP settings out of the configuration, adding the opened bind password. */
export function toLdapSettings(config: SystemConfiguration, searchPassword: string): LdapSettings {
  return {
    url: config.ldap_url,
    searchDn: config.ldap_search_dn,
    searchPassword,
    baseDn: config.ldap_base_dn,
    filter: config.ldap_filter,
    uidAttribute: config.ldap_uid,
    scope: config.ldap_scope,
    timeoutSeconds: config.ldap_timeout,
    verifyCert: config.ldap_verify_cert,
    groupBaseDn: config.ldap_group_base_dn,
    groupSearchFilter: config.ldap_group_search_filter,
    groupNameAttribute: config.ldap_group_attribute_name,
    groupMembershipAttribute: config.ldap_group_membership_attribute,
    groupAdminDn: config.ldap_group_admin_dn,
    groupSearchScope: config.ldap_group_search_scope,
    nestedGroupsDepth: config.ldap_nested_groups_depth,
    groupCacheTtlSeconds: config.ldap_group_cache_ttl_seconds,
  };
}

/** The rules around sign-in, tokens, robots and the audit log that other modules enforce. */
export interface SecurityPolicy {
  selfRegistration: boolean;
  /** Lifetime of registry bearer tokens, minutes. */
  tokenExpirationMinutes: number;
  /** Default lifetime of robot secrets, days. */
  robotTokenDurationDays: number;
  robotNamePrefix: string;
  robotNeverExpireAllowed: boolean;
  /** 0 keeps audit entries forever. */
  auditLogRetentionDays: number;
  /** Consecutive failed logins before an account is locked; 0 never locks. */
  loginLockoutThreshold: number;
  loginLockoutMinutes: number;
}

/** Picks the security policy out of the configuration. */
export function toSecurityPolicy(config: SystemConfiguration): SecurityPolicy {
  return {
    selfRegistration: config.self_registration,
    tokenExpirationMinutes: config.token_expiration,
    robotTokenDurationDays: config.robot_token_duration,
    robotNamePrefix: config.robot_name_prefix,
    robotNeverExpireAllowed: config.robot_never_expire_allowed,
    auditLogRetentionDays: config.audit_log_retention_days,
    loginLockoutThreshold: config.login_lockout_threshold,
    loginLockoutMinutes: config.login_lockout_minutes,
  };
}
