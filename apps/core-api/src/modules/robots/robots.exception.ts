import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a robot request failed. */
export type RobotsErrorCode =
  | 'INVALID_NAME'
  | 'INVALID_PERMISSIONS'
  | 'INVALID_DURATION'
  | 'INVALID_SECRET'
  | 'IMMUTABLE_FIELD'
  | 'NAME_TAKEN'
  | 'ROBOT_NOT_FOUND'
  | 'PROJECT_NOT_FOUND'
  | 'FORBIDDEN';

const STATUS: Record<RobotsErrorCode, HttpStatus> = {
  INVALID_NAME: HttpStatus.BAD_REQUEST,
  INVALID_PERMISSIONS: HttpStatus.BAD_REQUEST,
  INVALID_DURATION: HttpStatus.BAD_REQUEST,
  INVALID_SECRET: HttpStatus.BAD_REQUEST,
  IMMUTABLE_FIELD: HttpStatus.BAD_REQUEST,
  NAME_TAKEN: HttpStatus.CONFLICT,
  ROBOT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROJECT_NOT_FOUND: HttpStatus.NOT_FOUND,
  FORBIDDEN: HttpStatus.FORBIDDEN,
};

/** A robot request that cannot be done, with the reason in the message. */
export class RobotsException extends HttpException {
  constructor(
    readonly code: RobotsErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
