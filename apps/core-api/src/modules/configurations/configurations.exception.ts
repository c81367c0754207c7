import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a configuration request failed. */
export type ConfigurationsErrorCode = 'INVALID_COMBINATION' | 'SECRET_KEY_MISSING' | 'STORED_SECRET_UNREADABLE';

const STATUS: Record<ConfigurationsErrorCode, HttpStatus> = {
  INVALID_COMBINATION: HttpStatus.BAD_REQUEST,
  SECRET_KEY_MISSING: HttpStatus.BAD_REQUEST,
  STORED_SECRET_UNREADABLE: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** A configuration change or read that cannot be done, with the reason in the message. */
export class ConfigurationsException extends HttpException {
  constructor(
    readonly code: ConfigurationsErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
