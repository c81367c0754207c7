import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a project request failed. */
export type ProjectsErrorCode = 'NAME_TAKEN' | 'NOT_EMPTY' | 'NOT_FOUND' | 'INVALID_METADATA' | 'METADATA_NOT_FOUND';

const STATUS: Record<ProjectsErrorCode, HttpStatus> = {
  NAME_TAKEN: HttpStatus.CONFLICT,
  // Harbor answers 412 for a delete refused because the project still holds repositories.
  NOT_EMPTY: HttpStatus.PRECONDITION_FAILED,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_METADATA: HttpStatus.BAD_REQUEST,
  METADATA_NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** A project request that cannot be done, with the reason in the message. */
export class ProjectsException extends HttpException {
  constructor(
    readonly code: ProjectsErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}
