import { AuditLogRepository, type UserEntity, UserAccountRepository } from '@berth/db';
import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { recordCredentialUse } from '../../common/auth/credential-use';
import { ANONYMOUS, type Principal, principalName, type UserPrincipal } from '../../common/auth/principal';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { REDIS } from '../../infrastructure/infrastructure.module';
import { AuditService } from '../audit/audit.service';
import { ConfigurationsService } from '../configurations/configurations.service';
import { LdapException } from '../ldap/ldap.exception';
import { LdapUserProvisioner } from '../ldap/ldap-user.provisioner';
import { LdapService } from '../ldap/ldap.service';
import { RobotCredentials } from '../robots/robot-credentials';
import { looksLikePersonalAccessToken } from '../tokens/personal-access-token.secret';
import { PersonalAccessTokenVerifier } from '../tokens/personal-access-token.verifier';
import { PasswordHasher } from '../users/password-hasher';
import { LoginThrottle } from './login-throttle';
import { type LdapMembership, UserPrincipalResolver } from './user-principal.resolver';

/** Where credentials were presented: a Basic header or the docker token service, or the console's sign-in form. */
export type SignInChannel = 'basic' | 'console';

/** Why a sign-in was refused; the ones that count towards lockout are the guesses. */
export type SignInRefusal =
  'bad-credentials' | 'token-revoked' | 'token-expired' | 'locked' | 'ldap-unavailable' | 'not-for-console';

/** A successful sign-in: the principal, and for LDAP users the membership a console session keeps. */
export interface SignIn {
  principal: Principal;
  membership?: LdapMembership;
}

/** A successful console sign-in, always a person. */
export interface ConsoleSignIn {
  principal: UserPrincipal;
  membership?: LdapMembership;
}

const MESSAGES: Record<Exclude<SignInRefusal, 'locked' | 'ldap-unavailable'>, string> = {
  'bad-credentials': 'invalid username or password',
  'token-revoked': 'the personal access token has been revoked',
  'token-expired': 'the personal access token has expired',
  'not-for-console': 'robot accounts and personal access tokens cannot sign in to the console',
};

/** Refusals that are someone guessing, counted towards lockout; an LDAP outage or a wrong channel is not. */
const COUNTED: ReadonlySet<SignInRefusal> = new Set(['bad-credentials', 'token-revoked', 'token-expired']);

/** A successful Basic sign-in of one principal from one address is audited at most once per this window. */
export const SUCCESS_AUDIT_WINDOW_SECONDS = 15 * 60;

/** Random bytes of the password behind the dummy hash: nobody can know it, so nothing ever matches it. */
const DUMMY_PASSWORD_BYTES = 32;

/** Longest login name written to the audit log for a failure (the column's length). */
const MAX_AUDITED_NAME = 255;

/** A refusal with its reason, turned into a 401 once it is counted and audited. */
class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    message: string = MESSAGES[reason as keyof typeof MESSAGES],
  ) {
    super(message);
  }
}

/**
 * Checks a username and password, whoever they belong to: a robot (by its name prefix), a user's personal access
 * token given as the password, a local account (always checked locally, so `admin` signs in while LDAP is down) or,
 * in ldap_auth mode, an LDAP account (onboarded at first sign-in). Failures are counted per account and per source
 * address for lockout; every sign-in is audited (successful Basic ones once per window), never with the password.
 * Used by Basic authentication on the API, the console's sign-in and the docker token service.
 */
@Injectable()
export class CredentialsVerifier {
  private readonly logger = new Logger(CredentialsVerifier.name);
  /** An argon2id hash of a random string, checked for unknown names so they cost as much as known ones. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly users: UserAccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly configurations: ConfigurationsService,
    private readonly throttle: LoginThrottle,
    private readonly principals: UserPrincipalResolver,
    private readonly tokens: PersonalAccessTokenVerifier,
    private readonly robots: RobotCredentials,
    private readonly ldap: LdapService,
    private readonly provisioner: LdapUserProvisioner,
    private readonly audit: AuditService,
    private readonly auditLogs: AuditLogRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
  ) {
    this.dummyHash = hasher.hash(randomBytes(DUMMY_PASSWORD_BYTES).toString('base64url'));
    // Never rejected unobserved: a failure surfaces where the hash is awaited.
    this.dummyHash.catch(() => undefined);
  }

  /** Resolves the principal the credentials belong to; throws UnauthorizedException with the reason otherwise. */
  async verify(username: string, password: string, sourceIp: string | null): Promise<Principal> {
    return (await this.signIn(username, password, sourceIp, 'basic')).principal;
  }

  /** Checks a person's password for the console (no robots, no tokens); throws UnauthorizedException otherwise. */
  async verifyForConsole(username: string, password: string, sourceIp: string | null): Promise<ConsoleSignIn> {
    const result = await this.signIn(username, password, sourceIp, 'console');
    if (result.principal.kind !== 'user') throw new UnauthorizedException(MESSAGES['not-for-console']);
    return { principal: result.principal, membership: result.membership };
  }

  private async signIn(
    username: string,
    password: string,
    sourceIp: string | null,
    channel: SignInChannel,
  ): Promise<SignIn> {
    const lock = await this.throttle.state(username, sourceIp);
    if (lock.locked) {
      const minutes = Math.max(1, Math.ceil(lock.retryAfterSeconds / 60));
      const what = lock.scope === 'account' ? 'this account is' : 'sign-ins from this address are';
      await this.auditFailure(username, sourceIp, channel, 'locked');
      throw new UnauthorizedException(
        `${what} locked after too many failed sign-ins: try again in ${minutes} minute(s)`,
      );
    }
    let result: SignIn;
    try {
      result = await this.check(username, password, channel);
    } catch (err) {
      if (!(err instanceof SignInRefused)) throw err;
      if (COUNTED.has(err.reason)) await this.throttle.recordFailure(username, sourceIp);
      await this.auditFailure(username, sourceIp, channel, err.reason);
      throw new UnauthorizedException(err.message);
    }
    await this.throttle.reset(username);
    await this.auditSuccess(result.principal, sourceIp, channel);
    return result;
  }

  private async check(username: string, password: string, channel: SignInChannel): Promise<SignIn> {
    if (username === '' || password === '') throw new SignInRefused('bad-credentials');
    if (await this.robots.isRobotName(username)) {
      if (channel === 'console') throw new SignInRefused('not-for-console');
      const robot = await this.robots.verify(username, password);
      if (!robot) throw new SignInRefused('bad-credentials');
      return { principal: robot };
    }
    if (looksLikePersonalAccessToken(password)) {
      if (channel === 'console') throw new SignInRefused('not-for-console');
      return this.checkToken(username, password);
    }
    const user = await this.users.findByUsername(username);
    if ((user === null || user.source === 'ldap') && (await this.configurations.getAuthMode()) === 'ldap_auth') {
      return this.checkLdap(username, password);
    }
    return this.checkLocal(user, password);
  }

  private async checkLocal(user: UserEntity | null, password: string): Promise<SignIn> {
    if (!user?.passwordHash) {
      await this.hasher.verify(await this.dummyHash, password);
      throw new SignInRefused('bad-credentials');
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw new SignInRefused('bad-credentials');
    await this.recordLogin(user);
    return { principal: await this.principals.fromSignIn(user, 'password') };
  }

  private async checkToken(username: string, token: string): Promise<SignIn> {
    const result = await this.tokens.check(username, token);
    if (!result.ok) {
      throw new SignInRefused(result.reason === 'invalid' ? 'bad-credentials' : `token-${result.reason}`);
    }
    const principal = await this.principals.forUser(result.owner, 'personal-access-token');
    return { principal: { ...principal, token: { id: result.tokenId, scopes: result.scopes } } };
  }

  private async checkLdap(username: string, password: string): Promise<SignIn> {
    let user: UserEntity;
    let membership: LdapMembership;
    try {
      const person = await this.ldap.authenticate(username, password);
      user = await this.provisioner.onboard(person);
      membership = { groupDns: person.groupDns, admin: person.isAdminGroupMember };
    } catch (err) {
      if (err instanceof LdapException) {
        // A local account created under that name meanwhile is not the LDAP user's to take over.
        if (err.code === 'BAD_CREDENTIALS' || err.code === 'USER_CONFLICT') throw new SignInRefused('bad-credentials');
        throw new SignInRefused(
          'ldap-unavailable',
          `LDAP sign-in is unavailable (${err.message}); local accounts can still sign in`,
        );
      }
      this.logger.error(`LDAP sign-in failed unexpectedly: ${(err as Error).stack ?? String(err)}`);
      throw new SignInRefused('ldap-unavailable', 'LDAP sign-in is unavailable; local accounts can still sign in');
    }
    await this.recordLogin(user);
    return { principal: await this.principals.fromSignIn(user, 'password', membership), membership };
  }

  /** Writes last_login_at, at most once a minute for Basic callers that sign in on every request. */
  private recordLogin(user: UserEntity): Promise<void> {
    return recordCredentialUse(
      user.lastLoginAt,
      new Date(),
      () => this.users.recordLogin(user.id),
      this.logger,
      `the sign-in of user ${user.id}`,
    );
  }

  /**
   * Audits a refused sign-in under the name that was tried, as Harbor shows failed logins (AuditService names the
   * actor from a principal, and nobody was authenticated here), with actor type anonymous.
   */
  private async auditFailure(
    username: string,
    sourceIp: string | null,
    channel: SignInChannel,
    reason: SignInRefusal,
  ): Promise<void> {
    const name = username.slice(0, MAX_AUDITED_NAME);
    try {
      await this.auditLogs.insertMany([
        {
          username: name,
          actorType: ANONYMOUS.kind,
          sourceIp,
          operation: 'login',
          resourceType: 'user',
          resource: name,
          projectId: null,
          result: 'failure',
          detail: { channel, reason },
        },
      ]);
    } catch (err) {
      this.logger.error(`could not write the audit log for a failed sign-in: ${String(err)}`);
    }
  }

  /** Console sign-ins are audited each time; Basic callers sign in on every request, so once per window. */
  private async auditSuccess(principal: Principal, sourceIp: string | null, channel: SignInChannel): Promise<void> {
    if (principal.kind === 'anonymous') return;
    const via = principal.kind === 'robot' ? 'robot-secret' : principal.via;
    if (channel === 'basic') {
      const key = `${this.config.BERTH_REDIS_PREFIX}:auth:login-audited:${principal.kind}:${principal.id}:${via}:${sourceIp ?? ''}`;
      const first = await this.redis.set(key, '1', 'EX', SUCCESS_AUDIT_WINDOW_SECONDS, 'NX').catch(() => 'OK');
      if (first !== 'OK') return;
    }
    await this.audit.record(
      { principal, sourceIp },
      {
        operation: 'login',
        resourceType: principal.kind === 'robot' ? 'robot' : 'user',
        resource: principalName(principal),
        detail: { channel, credential: via },
      },
    );
  }
}
