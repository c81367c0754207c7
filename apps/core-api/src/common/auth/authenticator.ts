import type { Request } from 'express';
import { type Principal } from './principal';

/**
 * Resolves who is calling from a request's credentials (Basic for users, robots and personal access tokens; the
 * console's session cookie). Answers the anonymous principal when there are none, and throws UnauthorizedException
 * for credentials that are present but wrong.
 */
export abstract class Authenticator {
  /** Resolves the request's principal. */
  abstract authenticate(request: Request): Promise<Principal>;
}
