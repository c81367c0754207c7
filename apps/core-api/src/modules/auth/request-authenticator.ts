import { UserRepository } from '@berth/db';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { Authenticator } from '../../common/auth/authenticator';
import { ANONYMOUS, type Principal } from '../../common/auth/principal';
import { PasswordHasher } from '../users/password-hasher';
import { readBasicCredentials } from './basic-credentials';

/**
 * Resolves callers from Basic credentials of local accounts. The first cut: robots, personal access tokens, LDAP
 * accounts, the console session and lockout come next, behind this same class.
 */
@Injectable()
export class RequestAuthenticator extends Authenticator {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {
    super();
  }

  /** Resolves the request's principal from its Basic credentials, or anonymous without any. */
  async authenticate(request: Request): Promise<Principal> {
    const credentials = readBasicCredentials(request);
    if (credentials === undefined) return ANONYMOUS;
    if (credentials === null) throw new UnauthorizedException('malformed Authorization header');
    const user = await this.users.findByUsername(credentials.username);
    if (!user?.passwordHash || !(await this.hasher.verify(user.passwordHash, credentials.password))) {
      throw new UnauthorizedException('invalid username or password');
    }
    return {
      kind: 'user',
      id: user.id,
      username: user.username,
      sysadmin: user.sysadmin,
      groupIds: [],
      via: 'password',
    };
  }
}
