import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';

/** Longest email, real name and comment (the columns' lengths). */
const MAX_PROFILE_FIELD = 255;
/** Longest password read; the policy's own limit is lower, so longer ones fail it with a clear message. */
const MAX_PASSWORD_INPUT = 1024;

/** A user account as Harbor's UserResp shows it; never the password hash. */
export class UserResponseDto {
  @ApiProperty()
  user_id!: number;

  @ApiProperty()
  username!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty()
  realname!: string;

  @ApiProperty()
  comment!: string;

  @ApiProperty({ description: 'Whether the account is flagged as a system administrator.' })
  sysadmin_flag!: boolean;

  @ApiProperty({
    description: 'Whether the user is a system administrator through the LDAP admin group (current user only).',
  })
  admin_role_in_auth!: boolean;

  @ApiProperty({ enum: ['local', 'ldap'], description: 'Where the password lives.' })
  source!: 'local' | 'ldap';

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  last_login_time!: string | null;

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;

  @ApiProperty({ format: 'date-time' })
  update_time!: string;
}

/** A new local account, as Harbor's UserCreationReq. */
export class CreateUserDto {
  @ApiProperty({ maxLength: 255 })
  @IsString()
  @MaxLength(MAX_PROFILE_FIELD)
  username!: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsEmail()
  @MaxLength(MAX_PROFILE_FIELD)
  email?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROFILE_FIELD)
  realname?: string;

  @ApiProperty({ description: '8 to 128 characters with an upper-case letter, a lower-case letter and a digit.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_INPUT)
  password!: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROFILE_FIELD)
  comment?: string;
}

/** The profile fields of an account, as Harbor's UserProfile; absent fields are left as they are. */
export class UpdateUserProfileDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsEmail()
  @MaxLength(MAX_PROFILE_FIELD)
  email?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROFILE_FIELD)
  realname?: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROFILE_FIELD)
  comment?: string;
}

/** A password change, as Harbor's PasswordReq: the old password is required unless an administrator resets another's. */
export class ChangePasswordDto {
  @ApiPropertyOptional({ description: 'The current password; required when changing your own.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_INPUT)
  old_password?: string;

  @ApiProperty({ description: '8 to 128 characters with an upper-case letter, a lower-case letter and a digit.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_INPUT)
  new_password!: string;
}

/** The system administrator flag, as Harbor's UserSysAdminFlag. */
export class SysadminFlagDto {
  @ApiProperty()
  @IsBoolean()
  sysadmin_flag!: boolean;
}

/** A user found by name, as Harbor's UserSearchRespItem. */
export class UserSearchItemDto {
  @ApiProperty()
  user_id!: number;

  @ApiProperty()
  username!: string;
}

/** One permission the caller holds, as Harbor's Permission. */
export class PermissionDto {
  @ApiProperty({ example: 'repository', description: 'The resource, relative to the scope or with it.' })
  resource!: string;

  @ApiProperty({ example: 'pull' })
  action!: string;
}
