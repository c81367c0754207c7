import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isAttributeName, isValidFilter } from '../../ldap/ldap-syntax';
import { AUTH_MODES, type AuthMode, LDAP_SCOPES, type LdapScope, LIMITS } from '../configuration-keys';

/** Longest DN accepted, the length of the ldap_dn columns. */
const MAX_DN_LENGTH = 1024;
/** Longest filter accepted; real filters are a few hundred characters. */
const MAX_FILTER_LENGTH = 2048;
/** Longest bind password accepted. */
const MAX_PASSWORD_LENGTH = 1024;
/** Longest robot name prefix: robot names must stay within the 255-character username column. */
const MAX_ROBOT_PREFIX_LENGTH = 32;
/** An ldap:// or ldaps:// URL with host and optional port, nothing after the authority. */
const LDAP_URL = /^(|ldaps?:\/\/[^\s/?#]+\/?)$/i;
/** No control characters (newlines would break LDIF-minded tooling and log lines). */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
/** Robot name prefixes: printable, no blanks, and no `:` (Basic credentials split on it) or `/`. */
const ROBOT_PREFIX = /^[^\s:/\p{Cc}]+$/u;

/** Validates an empty or RFC 4515 LDAP filter. */
export const IsLdapFilter = (): PropertyDecorator =>
  ValidateBy({
    name: 'isLdapFilter',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidFilter(value),
      defaultMessage: () => '$property must be an LDAP filter such as (objectClass=person)',
    },
  });

/** Validates an LDAP attribute name. */
export const IsLdapAttribute = (): PropertyDecorator =>
  ValidateBy({
    name: 'isLdapAttribute',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isAttributeName(value),
      defaultMessage: () => '$property must be an LDAP attribute name such as uid',
    },
  });

const dn = (description: string) =>
  [
    ApiPropertyOptional({ description, maxLength: MAX_DN_LENGTH }),
    IsOptional(),
    IsString(),
    MaxLength(MAX_DN_LENGTH),
    Matches(NO_CONTROL_CHARACTERS, { message: '$property must not contain control characters' }),
  ] as const;

const bounded = (key: keyof typeof LIMITS, description: string) => {
  const { min, max } = LIMITS[key];
  return [
    ApiPropertyOptional({ type: 'integer', description, minimum: min, maximum: max }),
    IsOptional(),
    IsInt(),
    Min(min),
    Max(max),
  ];
};

function apply(decorators: readonly PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/**
 * A partial update of the system settings (Harbor's `Configurations`): only the keys sent change, unknown keys are
 * refused. `ldap_search_password` is write-only: send it to change it, '' to clear it, omit it to keep it.
 */
export class ConfigurationsDto {
  @ApiPropertyOptional({
    enum: AUTH_MODES,
    description: 'db_auth: local accounts; ldap_auth: LDAP accounts (the local admin keeps signing in).',
  })
  @IsOptional()
  @IsIn(AUTH_MODES)
  auth_mode?: AuthMode;

  @ApiPropertyOptional({ example: 'ldaps://ldap.example.com:636', description: 'ldap:// or ldaps:// URL, or empty.' })
  @IsOptional()
  @IsString()
  @Matches(LDAP_URL, { message: '$property must be an ldap:// or ldaps:// URL such as ldaps://ldap.example.com' })
  ldap_url?: string;

  @apply(dn('DN Berth binds as to search the directory; empty binds anonymously.'))
  ldap_search_dn?: string;

  @ApiPropertyOptional({ description: 'Write-only bind password of ldap_search_dn, stored encrypted.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  ldap_search_password?: string;

  @apply(dn('Where user entries are searched.'))
  ldap_base_dn?: string;

  @ApiPropertyOptional({ example: '(objectClass=person)', description: 'Extra filter users must match.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILTER_LENGTH)
  @IsLdapFilter()
  ldap_filter?: string;

  @ApiPropertyOptional({ example: 'uid', description: 'Attribute holding the login name (sAMAccountName on AD).' })
  @IsOptional()
  @IsLdapAttribute()
  ldap_uid?: string;

  @ApiPropertyOptional({ enum: LDAP_SCOPES, description: '0 base, 1 one level, 2 subtree.' })
  @IsOptional()
  @IsIn(LDAP_SCOPES)
  ldap_scope?: LdapScope;

  @apply(bounded('ldap_timeout', 'Seconds an LDAP login, search or ping may take in all.'))
  ldap_timeout?: number;

  @ApiPropertyOptional({ description: 'Verify the certificate of an ldaps:// server.' })
  @IsOptional()
  @IsBoolean()
  ldap_verify_cert?: boolean;

  @apply(dn('Where group entries are searched; empty uses ldap_base_dn.'))
  ldap_group_base_dn?: string;

  @ApiPropertyOptional({ example: '(objectClass=groupOfNames)', description: 'Filter group entries must match.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILTER_LENGTH)
  @IsLdapFilter()
  ldap_group_search_filter?: string;

  @ApiPropertyOptional({ example: 'cn', description: 'Attribute holding a group name.' })
  @IsOptional()
  @IsLdapAttribute()
  ldap_group_attribute_name?: string;

  @ApiPropertyOptional({ example: 'memberof', description: 'User attribute listing the groups of a user.' })
  @IsOptional()
  @IsLdapAttribute()
  ldap_group_membership_attribute?: string;

  @apply(dn('Members of this group are system administrators.'))
  ldap_group_admin_dn?: string;

  @ApiPropertyOptional({ enum: LDAP_SCOPES, description: '0 base, 1 one level, 2 subtree.' })
  @IsOptional()
  @IsIn(LDAP_SCOPES)
  ldap_group_search_scope?: LdapScope;

  @apply(bounded('ldap_nested_groups_depth', 'Levels of nested groups followed at login; 0 follows none.'))
  ldap_nested_groups_depth?: number;

  @apply(bounded('ldap_group_cache_ttl_seconds', 'Seconds group memberships are cached; 0 disables the cache.'))
  ldap_group_cache_ttl_seconds?: number;

  @ApiPropertyOptional({ description: 'Whether people may create their own local account.' })
  @IsOptional()
  @IsBoolean()
  self_registration?: boolean;

  @apply(bounded('token_expiration', 'Minutes a registry token is valid.'))
  token_expiration?: number;

  @apply(bounded('robot_token_duration', 'Default days a robot secret is valid.'))
  robot_token_duration?: number;

  @ApiPropertyOptional({ example: 'robot$', maxLength: MAX_ROBOT_PREFIX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ROBOT_PREFIX_LENGTH)
  @Matches(ROBOT_PREFIX, { message: '$property must not contain blanks, ":" or "/"' })
  robot_name_prefix?: string;

  @ApiPropertyOptional({ description: 'Whether robots may be created without an expiry.' })
  @IsOptional()
  @IsBoolean()
  robot_never_expire_allowed?: boolean;

  @apply(bounded('audit_log_retention_days', 'Days audit entries are kept; 0 keeps them forever.'))
  audit_log_retention_days?: number;

  @apply(bounded('login_lockout_threshold', 'Failed logins in a row before the account locks; 0 never locks.'))
  login_lockout_threshold?: number;

  @apply(bounded('login_lockout_minutes', 'Minutes a locked account stays locked.'))
  login_lockout_minutes?: number;
}
