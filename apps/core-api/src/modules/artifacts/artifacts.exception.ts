import { HttpException, HttpStatus } from '@nestjs/common';
import { BlobTooLargeError, RegistryCallError, RegistryUnreachableError } from './registry.client';

/** Why an artifact request failed. */
export type ArtifactsErrorCode =
  | 'INVALID_REFERENCE'
  | 'INVALID_TAG'
  | 'INVALID_SOURCE'
  | 'ARTIFACT_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'SOURCE_NOT_FOUND'
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_UNREADABLE'
  | 'TAG_EXISTS'
  | 'REFERENCED_BY_INDEX'
  | 'REGISTRY_REFUSED'
  | 'REGISTRY_UNAVAILABLE';

const STATUS: Record<ArtifactsErrorCode, HttpStatus> = {
  INVALID_REFERENCE: HttpStatus.BAD_REQUEST,
  INVALID_TAG: HttpStatus.BAD_REQUEST,
  INVALID_SOURCE: HttpStatus.BAD_REQUEST,
  ARTIFACT_NOT_FOUND: HttpStatus.NOT_FOUND,
  TAG_NOT_FOUND: HttpStatus.NOT_FOUND,
  SOURCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFIG_NOT_FOUND: HttpStatus.NOT_FOUND,
  // The config exists but is not something the API shows: not JSON, or larger than it reads into memory.
  CONFIG_UNREADABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  TAG_EXISTS: HttpStatus.CONFLICT,
  REFERENCED_BY_INDEX: HttpStatus.CONFLICT,
  // The registry refused what core-api asked of it (a quota, a policy, a fault): a bad gateway from the caller's side.
  REGISTRY_REFUSED: HttpStatus.BAD_GATEWAY,
  REGISTRY_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

/** An artifact request that cannot be done, with the reason in the message. */
export class ArtifactsException extends HttpException {
  constructor(
    readonly code: ArtifactsErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}

/** Maps a failed registry call onto the API's answer; other errors pass through unchanged. */
export function toRegistryException(err: unknown): unknown {
  if (err instanceof BlobTooLargeError) return new ArtifactsException('CONFIG_UNREADABLE', err.message);
  if (err instanceof RegistryUnreachableError) return new ArtifactsException('REGISTRY_UNAVAILABLE', err.message);
  if (err instanceof RegistryCallError) {
    if (err.status === HttpStatus.CONFLICT) return new ArtifactsException('REFERENCED_BY_INDEX', err.message);
    return new ArtifactsException('REGISTRY_REFUSED', err.message);
  }
  return err;
}
