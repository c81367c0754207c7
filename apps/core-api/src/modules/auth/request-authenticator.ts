import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { Authenticator } from '../../common/auth/authenticator';
import { ANONYMOUS, type Principal } from '../../common/auth/principal';
import { readBasicCredentials } from './basic-credentials';
import { CredentialsVerifier } from './credentials-verifier';

/** Resolves callers from Basic credentials; the console's session cookie comes next, behind this same class. */
@Injectable()
export class RequestAuthenticator extends Authenticator {
  constructor(private readonly credentials: CredentialsVerifier) {
    super();
  }

  /** Resolves the request's principal from its Basic credentials, or anonymous without any. */
  async authenticate(request: Request): Promise<Principal> {
    const basic = readBasicCredentials(request);
    if (basic === undefined) return ANONYMOUS;
    if (basic === null) throw new UnauthorizedException('malformed Authorization header');
    return this.credentials.verify(basic.username, basic.password, request.ip ?? null);
  }
}
