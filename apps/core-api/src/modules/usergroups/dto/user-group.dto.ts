import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { defineListQuery, ListQueryParamsDto } from '../../../common/query';
import { HARBOR_LDAP_GROUP_TYPE } from '../../ldap/dto/ldap.dto';

/** Longest group name (the column's length). */
const MAX_GROUP_NAME = 255;
/** Longest group DN (the column's length). */
const MAX_GROUP_DN = 1024;

/** A user group, as Harbor's UserGroup. */
export class UserGroupDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  group_name!: string;

  @ApiProperty({ type: 'integer', enum: [HARBOR_LDAP_GROUP_TYPE], description: '1: LDAP group, as in Harbor.' })
  group_type!: number;

  @ApiProperty({ description: 'The LDAP DN, normalized to lower case.' })
  ldap_group_dn!: string;
}

/** A new user group: an LDAP group by its DN, checked against LDAP in ldap_auth mode. */
export class CreateUserGroupDto {
  @ApiPropertyOptional({ description: 'Defaults to the group’s name in LDAP, or the first value of its DN.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_GROUP_NAME)
  group_name?: string;

  @ApiPropertyOptional({ type: 'integer', enum: [HARBOR_LDAP_GROUP_TYPE], default: HARBOR_LDAP_GROUP_TYPE })
  @IsOptional()
  @IsIn([HARBOR_LDAP_GROUP_TYPE], { message: 'group_type must be 1 (LDAP): only LDAP groups exist' })
  group_type?: number;

  @ApiProperty({ example: 'cn=developers,ou=groups,dc=example,dc=com' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_GROUP_DN)
  ldap_group_dn!: string;
}

/** A group's new name, as Harbor allows only renaming. */
export class UpdateUserGroupDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_GROUP_NAME)
  group_name!: string;
}

/** A group found by name, as Harbor's UserGroupSearchItem. */
export class UserGroupSearchItemDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  group_name!: string;

  @ApiProperty({ type: 'integer', enum: [HARBOR_LDAP_GROUP_TYPE] })
  group_type!: number;
}

/** Harbor's own filters of GET /usergroups, besides q. */
export class UserGroupListParamsDto extends ListQueryParamsDto {
  @ApiPropertyOptional({ description: 'Exactly this LDAP DN (compared normalized).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_GROUP_DN)
  ldap_group_dn?: string;

  @ApiPropertyOptional({ description: 'Part of the group name.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_GROUP_NAME)
  group_name?: string;
}

/** What GET /usergroups filters and sorts on. */
export const USER_GROUP_LIST = defineListQuery({
  filters: { group_name: 'string', ldap_group_dn: 'string', creation_time: 'date' },
  sort: ['group_name', 'creation_time'],
  defaultSort: ['group_name'],
});

/** GET /usergroups/search takes only `groupname` and the page. */
export const USER_GROUP_SEARCH = defineListQuery({ filters: {}, sort: [] });
