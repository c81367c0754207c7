import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a users request failed. */
export type UsersErrorCode =
  | 'NOT_FOUND'
  | 'USERNAME_TAKEN'
  | 'EMAIL_TAKEN'
  | 'INVALID_USERNAME'
  | 'WEAK_PASSWORD'
  | 'WRONG_OLD_PASSWORD'
  | 'SAME_PASSWORD'
  | 'LDAP_ACCOUNT'
  | 'LAST_SYSADMIN'
  | 'SELF_DELETE'
  | 'FORBIDDEN'
  | 'NOT_A_USER'
  | 'TOKEN_NOT_ALLOWED'
  | 'SELF_REGISTRATION_OFF'
  | 'AUTHENTICATION_REQUIRED';

const STATUS: Record<UsersErrorCode, HttpStatus> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  EMAIL_TAKEN: HttpStatus.CONFLICT,
  INVALID_USERNAME: HttpStatus.BAD_REQUEST,
  WEAK_PASSWORD: HttpStatus.BAD_REQUEST,
  WRONG_OLD_PASSWORD: HttpStatus.FORBIDDEN,
  SAME_PASSWORD: HttpStatus.BAD_REQUEST,
  LDAP_ACCOUNT: HttpStatus.PRECONDITION_FAILED,
  LAST_SYSADMIN: HttpStatus.CONFLICT,
  SELF_DELETE: HttpStatus.FORBIDDEN,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_A_USER: HttpStatus.FORBIDDEN,
  TOKEN_NOT_ALLOWED: HttpStatus.FORBIDDEN,
  SELF_REGISTRATION_OFF: HttpStatus.FORBIDDEN,
  AUTHENTICATION_REQUIRED: HttpStatus.UNAUTHORIZED,
};

/** A users request that cannot be done, with the reason in the message. */
export class UsersException extends HttpException {
  constructor(
    readonly code: UsersErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
