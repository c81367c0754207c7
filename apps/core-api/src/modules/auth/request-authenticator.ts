import { UserAccountRepository } from '@berth/db';
import { ForbiddenException, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Authenticator } from '../../common/auth/authenticator';
import { ANONYMOUS, type Principal } from '../../common/auth/principal';
import { readBasicCredentials } from './basic-credentials';
import { CSRF_HEADER, HARBOR_CSRF_HEADER, readCookie, SESSION_COOKIE } from './cookies';
import { CredentialsVerifier } from './credentials-verifier';
import { SessionStore } from './session.store';
import { UserPrincipalResolver } from './user-principal.resolver';

/** Methods that change nothing and so need no CSRF token (RFC 9110 safe methods). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The console's sign-in route: a stale session cookie must not stop anyone from signing in again. */
export const CONSOLE_LOGIN_PATH = '/c/login';

/**
 * Resolves callers from Basic credentials (users, robots, personal access tokens; no CSRF token needed, as browsers
 * never attach them on their own here) or from the console's session cookie, whose unsafe requests must carry the
 * session's CSRF token in X-Berth-CSRF-Token (or Harbor's X-Harbor-CSRF-Token). An unknown or expired session is
 * anonymous, so a stale cookie does not break public pages.
 */
@Injectable()
export class RequestAuthenticator extends Authenticator {
  constructor(
    private readonly credentials: CredentialsVerifier,
    private readonly sessions: SessionStore,
    private readonly users: UserAccountRepository,
    private readonly principals: UserPrincipalResolver,
  ) {
    super();
  }

  /** Resolves the request's principal from its Basic credentials or its session, or anonymous without either. */
  async authenticate(request: Request): Promise<Principal> {
    const basic = readBasicCredentials(request);
    if (basic === null) throw new UnauthorizedException('malformed Authorization header');
    if (basic) return this.credentials.verify(basic.username, basic.password, request.ip ?? null);
    const sid = readCookie(request, SESSION_COOKIE);
    if (!sid) return ANONYMOUS;
    const session = await this.sessions.touch(sid).catch((err: unknown) => {
      throw new ServiceUnavailableException(`console sessions are unavailable: ${(err as Error).message}`);
    });
    if (!session) return ANONYMOUS;
    if (!SAFE_METHODS.has(request.method) && request.path !== CONSOLE_LOGIN_PATH) {
      if (!csrfMatches(request, session.csrf)) {
        throw new ForbiddenException('CSRF token missing or invalid: send the X-Berth-CSRF-Token header');
      }
    }
    const user = await this.users.findById(session.userId);
    if (!user) {
      await this.sessions.destroy(sid);
      return ANONYMOUS;
    }
    return this.principals.forUser(user, 'session', session.ldap);
  }
}

/** Compares the request's CSRF header with the session's token in constant time. */
function csrfMatches(request: Request, expected: string): boolean {
  const given = request.header(CSRF_HEADER) ?? request.header(HARBOR_CSRF_HEADER);
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
