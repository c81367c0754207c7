import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ANONYMOUS, type Actor } from '../../common/auth/principal';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { AuditService } from '../audit/audit.service';
import {
  clearSessionCookies,
  readCookie,
  SESSION_COOKIE,
  type SessionCookieOptions,
  setSessionCookies,
} from './cookies';
import { CredentialsVerifier } from './credentials-verifier';
import { type LoginDto, type LoginResponseDto } from './dto/login.dto';
import { SessionStore } from './session.store';

/** The response header carrying the CSRF token after sign-in, under Berth's and Harbor's names. */
const CSRF_RESPONSE_HEADERS = ['X-Berth-CSRF-Token', 'X-Harbor-CSRF-Token'] as const;

/** The console's sign-in and sign-out: a session in Redis behind an httpOnly cookie, with a CSRF token. */
@Injectable()
export class SessionService {
  private readonly cookieOptions: SessionCookieOptions;

  constructor(
    private readonly credentials: CredentialsVerifier,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    @Inject(CORE_API_CONFIG) config: CoreApiConfig,
  ) {
    this.cookieOptions = { secure: new URL(config.BERTH_EXTERNAL_URL).protocol === 'https:' };
  }

  /** Checks the credentials, opens a session (ending the one the browser had) and sets its cookies. */
  async login(dto: LoginDto, req: Request, res: Response): Promise<LoginResponseDto> {
    const signIn = await this.credentials.verifyForConsole(dto.principal, dto.password, req.ip ?? null);
    const previous = readCookie(req, SESSION_COOKIE);
    // A fresh id on every sign-in, so an id planted in the browser before sign-in is worthless (session fixation).
    if (previous) await this.sessions.destroy(previous);
    const { sid, csrf } = await this.sessions.create(signIn.principal.id, signIn.membership).catch((err: unknown) => {
      throw new ServiceUnavailableException(`console sessions are unavailable: ${(err as Error).message}`);
    });
    setSessionCookies(res, sid, csrf, this.cookieOptions);
    for (const header of CSRF_RESPONSE_HEADERS) res.setHeader(header, csrf);
    return {
      user_id: signIn.principal.id,
      username: signIn.principal.username,
      sysadmin_flag: signIn.principal.sysadmin,
      csrf_token: csrf,
    };
  }

  /** Ends the browser's session, if any, clears its cookies and audits the sign-out. */
  async logout(actor: Actor, req: Request, res: Response): Promise<void> {
    const sid = readCookie(req, SESSION_COOKIE);
    const ended = sid ? await this.sessions.destroy(sid) : null;
    clearSessionCookies(res, this.cookieOptions);
    if (ended && actor.principal !== ANONYMOUS) {
      await this.audit.record(actor, {
        operation: 'logout',
        resourceType: 'user',
        resource: actor.principal.kind === 'user' ? actor.principal.username : 'anonymous',
      });
    }
  }
}
