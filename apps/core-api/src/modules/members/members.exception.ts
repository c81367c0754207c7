import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a member request failed. */
export type MembersErrorCode =
  'INVALID_MEMBER' | 'USER_NOT_FOUND' | 'GROUP_NOT_FOUND' | 'ALREADY_MEMBER' | 'MEMBER_NOT_FOUND' | 'LAST_ADMIN';

const STATUS: Record<MembersErrorCode, HttpStatus> = {
  INVALID_MEMBER: HttpStatus.BAD_REQUEST,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  GROUP_NOT_FOUND: HttpStatus.NOT_FOUND,
  ALREADY_MEMBER: HttpStatus.CONFLICT,
  MEMBER_NOT_FOUND: HttpStatus.NOT_FOUND,
  LAST_ADMIN: HttpStatus.CONFLICT,
};

/** A member request that cannot be done, with the reason in the message. */
export class MembersException extends HttpException {
  constructor(
    readonly code: MembersErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
