import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { LDAP_SCOPES, type LdapScope, LIMITS } from '../../configurations/configuration-keys';
import { IsLdapAttribute, IsLdapFilter } from '../../configurations/dto/configurations.dto';

/** Longest DN or search term accepted. */
const MAX_DN_LENGTH = 1024;
/** Longest login name accepted, the username column's length. */
const MAX_UID_LENGTH = 255;
/** Most users imported in one request: each costs a row, and the directory is asked in one search. */
export const MAX_IMPORT_USERS = 100;
const LDAP_URL = /^ldaps?:\/\/[^\s/?#]+\/?$/i;

/**
 * Settings to try instead of the stored ones (Harbor's `LdapConf`); whatever is left out comes from the stored
 * settings, the bind password too as long as the search DN is the stored one.
 */
export class LdapPingDto {
  @ApiPropertyOptional({ example: 'ldaps://ldap.example.com' })
  @IsOptional()
  @IsString()
  @Matches(LDAP_URL, { message: '$property must be an ldap:// or ldaps:// URL such as ldaps://ldap.example.com' })
  ldap_url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DN_LENGTH)
  ldap_search_dn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DN_LENGTH)
  ldap_search_password?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DN_LENGTH)
  ldap_base_dn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsLdapFilter()
  ldap_filter?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLdapAttribute()
  ldap_uid?: string;

  @ApiPropertyOptional({ enum: LDAP_SCOPES })
  @IsOptional()
  @IsIn(LDAP_SCOPES)
  ldap_scope?: LdapScope;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: LIMITS.ldap_timeout.min,
    maximum: LIMITS.ldap_timeout.max,
    description: 'Seconds (Harbor names it so here; the setting is ldap_timeout).',
  })
  @IsOptional()
  @IsInt()
  @Min(LIMITS.ldap_timeout.min)
  @Max(LIMITS.ldap_timeout.max)
  ldap_connection_timeout?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  ldap_verify_cert?: boolean;
}

/** The outcome of a ping: reachable and bound, or what went wrong in plain words. */
export class LdapPingResultDto {
  @ApiProperty()
  success!: boolean;

  @ApiProperty({ example: 'connected to ldap.example.com:636 as cn=berth,ou=services,dc=example,dc=com' })
  message!: string;
}

/** A person found in LDAP (Harbor's `LdapUser`). */
export class LdapUserDto {
  @ApiProperty()
  username!: string;

  @ApiProperty()
  realname!: string;

  @ApiProperty()
  email!: string;
}

/** The query of a user search. */
export class LdapUserSearchQueryDto {
  @ApiPropertyOptional({ description: 'Part of the login name; empty lists the first users.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_UID_LENGTH)
  username?: string;
}

/** The LDAP users to create accounts for (Harbor's `LdapImportUsers`). */
export class LdapImportUsersDto {
  @ApiProperty({ type: [String], maxItems: MAX_IMPORT_USERS, example: ['alice', 'bob'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_USERS)
  @IsString({ each: true })
  @MaxLength(MAX_UID_LENGTH, { each: true })
  ldap_uid_list!: string[];
}

/** A user that was not imported, and why (Harbor's `LdapFailedImportUser`). */
export class LdapFailedImportUserDto {
  @ApiProperty()
  uid!: string;

  @ApiProperty({ example: 'not found in LDAP' })
  error!: string;
}

/** The query of a group search: by DN, or by part of the name. */
export class LdapGroupSearchQueryDto {
  @ApiPropertyOptional({ description: 'Part of the group name.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_UID_LENGTH)
  groupname?: string;

  @ApiPropertyOptional({ description: 'The exact DN of a group; takes precedence over groupname.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DN_LENGTH)
  groupdn?: string;
}

/** Harbor's group type number of an LDAP group. */
export const HARBOR_LDAP_GROUP_TYPE = 1;

/** A group found in LDAP (Harbor's `UserGroup` without an id, since it may not exist in Berth yet). */
export class LdapUserGroupDto {
  @ApiProperty()
  group_name!: string;

  @ApiProperty()
  ldap_group_dn!: string;

  @ApiProperty({ type: 'integer', enum: [HARBOR_LDAP_GROUP_TYPE], description: '1: LDAP group, as in Harbor.' })
  group_type!: number;
}
