import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a repository request failed. */
export type RepositoriesErrorCode = 'INVALID_NAME' | 'NOT_FOUND';

const STATUS: Record<RepositoriesErrorCode, HttpStatus> = {
  INVALID_NAME: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** A repository request that cannot be done, with the reason in the message. */
export class RepositoriesException extends HttpException {
  constructor(
    readonly code: RepositoriesErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
