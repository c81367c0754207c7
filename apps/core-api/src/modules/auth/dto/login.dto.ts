import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Longest login name or password read from the sign-in form. */
const MAX_CREDENTIAL_LENGTH = 1024;

/** The console's sign-in form, as Harbor's `/c/login` (form-encoded or JSON). */
export class LoginDto {
  @ApiProperty({ description: 'The login name.', example: 'admin' })
  @IsString()
  @MaxLength(MAX_CREDENTIAL_LENGTH)
  principal!: string;

  @ApiProperty({ description: 'The password.', format: 'password' })
  @IsString()
  @MaxLength(MAX_CREDENTIAL_LENGTH)
  password!: string;
}

/** What a successful console sign-in answers besides its cookies. */
export class LoginResponseDto {
  @ApiProperty({ description: 'The signed-in user.' })
  user_id!: number;

  @ApiProperty()
  username!: string;

  @ApiProperty({ description: 'Whether the user is a system administrator (by flag or by LDAP admin group).' })
  sysadmin_flag!: boolean;

  @ApiProperty({
    description:
      'The session CSRF token: send it as X-Berth-CSRF-Token on every POST, PUT, PATCH and DELETE of this session ' +
      '(also readable from the berth-csrf cookie).',
  })
  csrf_token!: string;
}
