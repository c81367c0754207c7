import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { REDIS } from '../../infrastructure/infrastructure.module';
import { type LdapMembership } from './user-principal.resolver';

/** A console session idles out after this long without a request (Harbor's default session timeout). */
export const SESSION_IDLE_MS = 60 * 60_000;

/** A console session ends this long after sign-in however busy it is: one working day and then some. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;

/** Random bytes in a session id and in a CSRF token: 256 bits, 43 base64url characters. */
const TOKEN_BYTES = 32;

/** What Redis holds for one console session. */
export interface SessionState {
  userId: number;
  /** The token unsafe requests must echo in X-Berth-CSRF-Token. */
  csrf: string;
  /** Milliseconds since the epoch at sign-in. */
  createdAt: number;
  /** The LDAP membership at sign-in, used when the membership cache has expired and LDAP cannot be asked. */
  ldap?: LdapMembership;
}

/** A session just created: the id for the cookie and the CSRF token. */
export interface NewSession {
  sid: string;
  csrf: string;
}

/**
 * Console sessions in Redis, shared by every replica. The cookie carries a random id; Redis keys hold its SHA-256, so
 * a copy of Redis gives no usable session ids. Each request slides the idle expiry; a per-user index lets a password
 * change or an account deletion end every session of the user.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
  ) {}

  /** Creates a session for a user. */
  async create(userId: number, ldap?: LdapMembership): Promise<NewSession> {
    const sid = randomBytes(TOKEN_BYTES).toString('base64url');
    const csrf = randomBytes(TOKEN_BYTES).toString('base64url');
    const state: SessionState = { userId, csrf, createdAt: Date.now(), ...(ldap ? { ldap } : {}) };
    const id = digest(sid);
    await this.redis
      .multi()
      .set(this.sessionKey(id), JSON.stringify(state), 'PX', SESSION_IDLE_MS)
      .sadd(this.userKey(userId), id)
      .pexpire(this.userKey(userId), SESSION_MAX_AGE_MS)
      .exec();
    return { sid, csrf };
  }

  /** Returns a live session and slides its idle expiry, or null when it is unknown, idle too long or too old. */
  async touch(sid: string): Promise<SessionState | null> {
    const id = digest(sid);
    const raw = await this.redis.getex(this.sessionKey(id), 'PX', SESSION_IDLE_MS);
    if (!raw) return null;
    const state = JSON.parse(raw) as SessionState;
    if (Date.now() - state.createdAt > SESSION_MAX_AGE_MS) {
      await this.destroy(sid);
      return null;
    }
    return state;
  }

  /** Ends a session; returns its state when there was one. */
  async destroy(sid: string): Promise<SessionState | null> {
    const id = digest(sid);
    const raw = await this.redis.getdel(this.sessionKey(id));
    if (!raw) return null;
    const state = JSON.parse(raw) as SessionState;
    await this.redis.srem(this.userKey(state.userId), id);
    return state;
  }

  /** Ends every session of a user, except the one given (the caller's own, after changing their password). */
  async destroyAllFor(userId: number, exceptSid?: string): Promise<void> {
    const keep = exceptSid ? digest(exceptSid) : undefined;
    const ids = (await this.redis.smembers(this.userKey(userId))).filter((id) => id !== keep);
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .del(...ids.map((id) => this.sessionKey(id)))
      .srem(this.userKey(userId), ...ids)
      .exec();
  }

  private sessionKey(id: string): string {
    return `${this.config.BERTH_REDIS_PREFIX}:session:${id}`;
  }

  private userKey(userId: number): string {
    return `${this.config.BERTH_REDIS_PREFIX}:session-index:${userId}`;
  }
}

/** The Redis id of a session: the SHA-256 of the cookie's random id (a fast hash suffices for 256 random bits). */
function digest(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url');
}
