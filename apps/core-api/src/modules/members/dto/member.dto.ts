import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PROJECT_ROLES } from '@berth/rbac';
import { MAX_INT4 } from '../../../common/pg-int';

/** Harbor's group type id of LDAP groups (1 LDAP, 2 HTTP, 3 OIDC). */
export const LDAP_GROUP_TYPE = 1;

/** A user to add, by id or username. */
export class MemberUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  user_id?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  username?: string;
}

/** A group to add: a known group by id or name, or an LDAP group by DN (created when new). */
export class MemberGroupDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  id?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  group_name?: string;

  @ApiPropertyOptional({ example: 'cn=developers,ou=groups,dc=example,dc=com' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1024)
  ldap_group_dn?: string;

  @ApiPropertyOptional({ enum: [LDAP_GROUP_TYPE], description: '1 for LDAP, the only kind Berth has.' })
  @IsOptional()
  @IsIn([LDAP_GROUP_TYPE])
  group_type?: number;
}

/** A new member: a user or a group, and its role. */
export class CreateMemberDto {
  @ApiProperty({
    enum: PROJECT_ROLES,
    description: '1 projectAdmin, 2 developer, 3 guest, 4 maintainer, 5 limitedGuest.',
  })
  @IsIn(PROJECT_ROLES)
  role_id!: number;

  @ApiPropertyOptional({ type: MemberUserDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberUserDto)
  member_user?: MemberUserDto;

  @ApiPropertyOptional({ type: MemberGroupDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberGroupDto)
  member_group?: MemberGroupDto;
}

/** A role change. */
export class RoleRequestDto {
  @ApiProperty({ enum: PROJECT_ROLES })
  @IsIn(PROJECT_ROLES)
  role_id!: number;
}

/** A membership as Harbor's ProjectMemberEntity. */
export class MemberResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  project_id!: number;

  @ApiProperty({ description: 'The username or the group name.' })
  entity_name!: string;

  @ApiProperty({ enum: ['u', 'g'], description: 'u for a user, g for a group.' })
  entity_type!: string;

  @ApiProperty({ description: 'The user id or the user group id.' })
  entity_id!: number;

  @ApiProperty()
  role_id!: number;

  @ApiProperty({ example: 'developer' })
  role_name!: string;
}
