/*
 * The system settings an administrator changes through /api/v2.0/configurations, with Harbor's names, types and
 * defaults where Harbor has the setting. Each lives as one row of the `configuration` table (key → JSON value); a key
 * without a row has its default. `ldap_search_password` is not part of SystemConfiguration: it is stored sealed by the
 * SecretBox under its own key and never returned.
 */

/** How people sign in: local accounts only, or LDAP accounts (plus the local `admin`). */
export type AuthMode = 'db_auth' | 'ldap_auth';

/** The authentication modes, for validation and the OpenAPI enum. */
export const AUTH_MODES: readonly AuthMode[] = ['db_auth', 'ldap_auth'];

/** Harbor's LDAP search scopes: 0 base object, 1 one level, 2 whole subtree. */
export type LdapScope = 0 | 1 | 2;

/** The LDAP search scopes, for validation and the OpenAPI enum. */
export const LDAP_SCOPES: readonly LdapScope[] = [0, 1, 2];

/** Every setting with its effective value. */
export interface SystemConfiguration {
  auth_mode: AuthMode;
  ldap_url: string;
  ldap_search_dn: string;
  ldap_base_dn: string;
  ldap_filter: string;
  ldap_uid: string;
  ldap_scope: LdapScope;
  ldap_timeout: number;
  ldap_verify_cert: boolean;
  ldap_group_base_dn: string;
  ldap_group_search_filter: string;
  ldap_group_attribute_name: string;
  ldap_group_membership_attribute: string;
  ldap_group_admin_dn: string;
  ldap_group_search_scope: LdapScope;
  ldap_nested_groups_depth: number;
  ldap_group_cache_ttl_seconds: number;
  self_registration: boolean;
  token_expiration: number;
  robot_token_duration: number;
  robot_name_prefix: string;
  robot_never_expire_allowed: boolean;
  audit_log_retention_days: number;
  login_lockout_threshold: number;
  login_lockout_minutes: number;
}

/** A setting's name. */
export type ConfigurationKey = keyof SystemConfiguration;

/** The key the sealed LDAP bind password is stored under. */
export const LDAP_SEARCH_PASSWORD_KEY = 'ldap_search_password';

/** The SecretBox context of the LDAP bind password, so its ciphertext opens nowhere else. */
export const LDAP_SEARCH_PASSWORD_CONTEXT = 'configuration:ldap_search_password';

/** Limits of the numeric settings, shared by the DTO validation and the read-side sanitising. */
export const LIMITS = {
  /** Seconds; Harbor's default is 5, a minute is more than any directory should need. */
  ldap_timeout: { min: 1, max: 60 },
  /** Levels of groups-in-groups followed at login; each level costs one search. */
  ldap_nested_groups_depth: { min: 0, max: 10 },
  /** Seconds, up to a day; 0 turns the cache off. */
  ldap_group_cache_ttl_seconds: { min: 0, max: 86_400 },
  /** Minutes, up to a year (Harbor has no upper bound; a year keeps tokens from outliving their purpose). */
  token_expiration: { min: 1, max: 525_600 },
  /** Days, up to 100 years. */
  robot_token_duration: { min: 1, max: 36_500 },
  /** Days, 0 keeps audit entries forever. */
  audit_log_retention_days: { min: 0, max: 36_500 },
  /** Consecutive failed logins before an account is locked, 0 disables locking. */
  login_lockout_threshold: { min: 0, max: 1_000 },
  /** Minutes an account stays locked, up to a day. */
  login_lockout_minutes: { min: 1, max: 1_440 },
} as const satisfies Partial<Record<ConfigurationKey, { min: number; max: number }>>;

/**
 * The defaults. Deliberate choices where Harbor has none or differs: `ldap_uid` is `uid` (Harbor: `cn`, which makes
 * the display name the login name), nested groups are off, group memberships are cached for 5 minutes, and an
 * account locks for 15 minutes after 5 failed sign-ins (secure by default; the price is that anyone who knows a name
 * can lock it for a while, so administrators may raise the threshold or set 0 to turn lockout off).
 */
export const CONFIGURATION_DEFAULTS: Readonly<SystemConfiguration> = Object.freeze({
  auth_mode: 'db_auth',
  ldap_url: '',
  ldap_search_dn: '',
  ldap_base_dn: '',
  ldap_filter: '',
  ldap_uid: 'uid',
  ldap_scope: 2,
  ldap_timeout: 5,
  ldap_verify_cert: true,
  ldap_group_base_dn: '',
  ldap_group_search_filter: '',
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
  robot_never_expire_allowed: true,
  audit_log_retention_days: 0,
  login_lockout_threshold: 5,
  login_lockout_minutes: 15,
});

/** Every setting's name, in the order the API lists them. */
export const CONFIGURATION_KEYS = Object.keys(CONFIGURATION_DEFAULTS) as ConfigurationKey[];

/**
 * Builds the effective configuration from stored values: a stored value of the wrong type (a row edited by hand, a
 * setting whose type changed) falls back to the default rather than breaking every reader.
 */
export function effectiveConfiguration(stored: ReadonlyMap<string, unknown>): SystemConfiguration {
  const result: Record<string, unknown> = { ...CONFIGURATION_DEFAULTS };
  for (const key of CONFIGURATION_KEYS) {
    const value = stored.get(key);
    if (value !== undefined && isValidValue(key, value)) result[key] = value;
  }
  return result as unknown as SystemConfiguration;
}

function isValidValue(key: ConfigurationKey, value: unknown): boolean {
  const fallback = CONFIGURATION_DEFAULTS[key];
  if (key === 'auth_mode') return (AUTH_MODES as readonly unknown[]).includes(value);
  if (key === 'ldap_scope' || key === 'ldap_group_search_scope')
    return (LDAP_SCOPES as readonly unknown[]).includes(value);
  if (typeof fallback === 'number') {
    const limits = (LIMITS as Partial<Record<ConfigurationKey, { min: number; max: number }>>)[key];
    return Number.isInteger(value) && (!limits || ((value as number) >= limits.min && (value as number) <= limits.max));
  }
  return typeof value === typeof fallback;
}
