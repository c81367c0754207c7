import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a user group request failed. */
export type UserGroupsErrorCode = 'NOT_FOUND' | 'DN_TAKEN' | 'NOT_IN_LDAP' | 'INVALID_DN';

const STATUS: Record<UserGroupsErrorCode, HttpStatus> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  DN_TAKEN: HttpStatus.CONFLICT,
  NOT_IN_LDAP: HttpStatus.BAD_REQUEST,
  INVALID_DN: HttpStatus.BAD_REQUEST,
};

/** A user group request that cannot be done, with the reason in the message. */
export class UserGroupsException extends HttpException {
  constructor(
    readonly code: UserGroupsErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
