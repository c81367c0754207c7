import { Inject, Injectable } from '@nestjs/common';
import {
  accessAllows,
  loadVerificationKeys,
  type RegistryTokenClaims,
  type RepositoryAction,
  TokenError,
  TokenVerifier,
  type VerifyOptions,
} from '@berth/auth';
import { type Logger } from '@berth/common';
import { UploadRepository } from '@berth/db';
import { REGISTRY_CONFIG, REGISTRY_LOGGER, type RegistryConfig } from '../../registry.config';
import { OciError } from '../oci-error';
import { type Guard, type RequestContext } from '../route';
import { bearerToken, formatBearerChallenge } from './challenge';
import { VerifiedTokenCache } from './token-cache';

/** The guard of each kind of route; with BERTH_REGISTRY_AUTH=none every one lets the request through. */
export interface AuthGuards {
  /** `GET /v2/`: any valid token. */
  base: Guard;
  /** Reads of a repository: pull. */
  pull: Guard;
  /** Opening an upload (and a cross-repository mount) or putting a manifest: push. */
  push: Guard;
  /** Deleting manifests and blobs: delete. */
  delete: Guard;
  /** Continuing an upload session: push, or the session's owner with a token expired less than the grace ago. */
  uploadSession: Guard;
  /** `GET /v2/_catalog`: `registry:catalog:*`; records which projects the caller may list. */
  catalog: Guard;
}

const CATALOG_SCOPE = 'registry:catalog:*';
const MINUTE_SECONDS = 60;
const allow: Guard = () => undefined;

function parsedName(ctx: RequestContext): string {
  // The validName guard runs first on every repository route; a route without it is a programming error.
  if (!ctx.name) throw new Error(`route for ${ctx.path} checks repository access without a validName guard`);
  return ctx.name.name;
}

/**
 * Enforces core-api's tokens on every /v2/ route, offline: each request's Bearer token is verified against the
 * configured public keys (once per token, then cached for its life), its `access` must grant the route's action on
 * the route's repository, and a refusal carries the Bearer challenge that sends the client to the token service.
 */
@Injectable()
export class RegistryAuth {
  /** The guards for the route table. */
  readonly guards: AuthGuards;
  private readonly verifier?: TokenVerifier;
  private readonly options: VerifyOptions;
  private readonly graceSeconds: number;
  private readonly cache = new VerifiedTokenCache();

  constructor(
    @Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig,
    @Inject(REGISTRY_LOGGER) log: Logger,
    private readonly uploads: UploadRepository,
  ) {
    this.options = { issuer: config.BERTH_TOKEN_ISSUER, audience: config.BERTH_TOKEN_SERVICE };
    this.graceSeconds =
      Math.min(config.BERTH_UPLOAD_TOKEN_GRACE_MINUTES, config.BERTH_UPLOAD_TTL_MINUTES) * MINUTE_SECONDS;
    if (config.BERTH_REGISTRY_AUTH === 'none') {
      log.warn(
        'BERTH_REGISTRY_AUTH=none: THE REGISTRY ACCEPTS EVERY REQUEST WITHOUT AUTHENTICATION. ' +
          'Anyone who can reach it may push, pull and delete in every project. Use it for tests only.',
      );
      this.guards = { base: allow, pull: allow, push: allow, delete: allow, uploadSession: allow, catalog: allow };
      return;
    }
    if (!config.BERTH_TOKEN_PUBLIC_KEYS) throw new Error('BERTH_TOKEN_PUBLIC_KEYS is required with token auth');
    const keys = loadVerificationKeys(config.BERTH_TOKEN_PUBLIC_KEYS);
    this.verifier = new TokenVerifier(keys);
    log.info({ kids: keys.map((key) => key.kid), realm: config.BERTH_TOKEN_REALM }, 'registry token auth enabled');
    this.guards = {
      base: (ctx) => void this.authenticate(ctx, undefined),
      pull: (ctx) => this.require(ctx, 'pull', 'pull'),
      push: (ctx) => this.requirePush(ctx),
      delete: (ctx) => this.require(ctx, 'delete', 'delete'),
      uploadSession: (ctx) => this.requireUploadSession(ctx),
      catalog: (ctx) => this.requireCatalog(ctx),
    };
  }

  /** Verifies a token through the cache of verified tokens; throws TokenError for a token that must be refused. */
  verify(token: string): RegistryTokenClaims {
    const cached = this.cache.get(token, Math.floor(Date.now() / 1000));
    if (cached) return cached;
    const claims = this.verifierOrThrow().verify(token, this.options);
    this.cache.set(token, claims);
    return claims;
  }

  private verifierOrThrow(): TokenVerifier {
    if (!this.verifier) throw new Error('token verification is off');
    return this.verifier;
  }

  /** Resolves the request's token, or throws the 401 challenge for `scope` when it is missing or invalid. */
  private authenticate(ctx: RequestContext, scope: string | undefined): RegistryTokenClaims {
    const raw = bearerToken(ctx.req.headers.authorization);
    if (raw === undefined) throw this.unauthorized(scope, undefined, 'a bearer token is required');
    try {
      const claims = this.verify(raw);
      ctx.token = claims;
      return claims;
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      throw this.invalidToken(ctx, scope, err);
    }
  }

  private require(ctx: RequestContext, action: RepositoryAction, challengeActions: string): void {
    const name = parsedName(ctx);
    const scope = `repository:${name}:${challengeActions}`;
    const claims = this.authenticate(ctx, scope);
    if (!accessAllows(claims.access, 'repository', name, action)) throw this.denied(claims, scope, name, action);
  }

  /**
   * Push, and for a cross-repository mount also pull on the source: without it the mount is dropped, so the request
   * opens an ordinary upload session, as the distribution spec prescribes when a mount is not allowed.
   */
  private requirePush(ctx: RequestContext): void {
    this.require(ctx, 'push', 'pull,push');
    const from = ctx.query.get('from');
    if (
      ctx.query.has('mount') &&
      (from === null || !accessAllows(ctx.token?.access ?? [], 'repository', from, 'pull'))
    ) {
      ctx.query.delete('mount');
      ctx.query.delete('from');
    }
  }

  /**
   * Push on the session's repository; a token that expired less than the grace ago is still accepted from the
   * subject that opened the session, so a long push is not cut off when its token runs out midway.
   */
  private async requireUploadSession(ctx: RequestContext): Promise<void> {
    const name = parsedName(ctx);
    const scope = `repository:${name}:pull,push`;
    const raw = bearerToken(ctx.req.headers.authorization);
    if (raw === undefined) throw this.unauthorized(scope, undefined, 'a bearer token is required');
    let claims: RegistryTokenClaims;
    try {
      claims = this.verify(raw);
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      const expired = err.code === 'expired' ? this.verifyWithinGrace(raw) : undefined;
      if (!expired || expired.sub === '' || !accessAllows(expired.access, 'repository', name, 'push')) {
        throw this.invalidToken(ctx, scope, err);
      }
      const owner = await this.uploads.findOwner(ctx.params['uuid'] ?? '', name);
      if (owner !== expired.sub) throw this.invalidToken(ctx, scope, err);
      claims = expired;
    }
    ctx.token = claims;
    if (!accessAllows(claims.access, 'repository', name, 'push')) throw this.denied(claims, scope, name, 'push');
  }

  /** Verifies a token that failed only for its expiry, forgiving up to the upload grace; undefined when refused. */
  private verifyWithinGrace(raw: string): RegistryTokenClaims | undefined {
    if (this.graceSeconds === 0) return undefined;
    try {
      return this.verifierOrThrow().verify(raw, { ...this.options, expiredGraceSeconds: this.graceSeconds });
    } catch {
      return undefined;
    }
  }

  private requireCatalog(ctx: RequestContext): void {
    const claims = this.authenticate(ctx, CATALOG_SCOPE);
    if (!accessAllows(claims.access, 'registry', 'catalog', '*')) {
      throw this.denied(claims, CATALOG_SCOPE, 'catalog', 'list');
    }
    // Core-api's own tokens list everything; a client's lists the projects the token service found visible to it.
    ctx.catalogProjects = claims.berth.kind === 'service' ? '*' : (claims.berth.projects ?? []);
  }

  private unauthorized(scope: string | undefined, error: 'invalid_token' | undefined, reason: string): OciError {
    const challenge = formatBearerChallenge({
      realm: this.config.BERTH_TOKEN_REALM,
      service: this.config.BERTH_TOKEN_SERVICE,
      scope,
      error,
    });
    return new OciError(
      'UNAUTHORIZED',
      { reason, ...(scope ? { scope } : {}) },
      { headers: { 'WWW-Authenticate': challenge } },
    );
  }

  private invalidToken(ctx: RequestContext, scope: string | undefined, err: TokenError): OciError {
    ctx.log.info({ code: err.code }, 'refused a bearer token');
    return this.unauthorized(scope, 'invalid_token', err.message);
  }

  /**
   * Refuses a valid token that lacks the action: an anonymous caller is challenged (logging in may help); a named one
   * reading is told NAME_UNKNOWN, exactly as for a repository that does not exist, so private projects stay invisible
   * (and a push's HEAD checks fall through to the upload, whose refusal carries the reason); a named one writing or
   * deleting is told DENIED. No answer says whether the project exists.
   */
  private denied(claims: RegistryTokenClaims, scope: string, name: string, action: string): OciError {
    if (claims.sub === '' || claims.berth.kind === 'anonymous') {
      return this.unauthorized(scope, undefined, `authentication required to ${action} ${name}`);
    }
    if (action === 'pull') return new OciError('NAME_UNKNOWN', { name });
    const reason =
      action === 'push'
        ? `${claims.sub} may not push to ${name}: its project does not exist or grants no push to this account ` +
          '(projects are never created by a push; create it first)'
        : `${claims.sub} may not ${action} ${name}`;
    return new OciError('DENIED', { name, action, reason });
  }
}
