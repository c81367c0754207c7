import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a personal access token request failed. */
export type TokensErrorCode = 'UNKNOWN_SCOPE' | 'INVALID_DURATION' | 'NAME_TAKEN' | 'NOT_FOUND' | 'FORBIDDEN';

const STATUS: Record<TokensErrorCode, HttpStatus> = {
  UNKNOWN_SCOPE: HttpStatus.BAD_REQUEST,
  INVALID_DURATION: HttpStatus.BAD_REQUEST,
  NAME_TAKEN: HttpStatus.CONFLICT,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  FORBIDDEN: HttpStatus.FORBIDDEN,
};

/** A personal access token request that cannot be done, with the reason in the message. */
export class TokensException extends HttpException {
  constructor(
    readonly code: TokensErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
