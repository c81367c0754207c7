import {
  CATALOG_SCOPE,
  parseScopes,
  type RegistryTokenClaims,
  type ResourceAccess,
  ScopeSyntaxError,
  TokenError,
} from '@berth/auth';
import { type ProjectEntity, ProjectRepository, UserAccountRepository } from '@berth/db';
import { type PermissionKey } from '@berth/rbac';
import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { ANONYMOUS, type Principal, principalName } from '../../common/auth/principal';
import { AuditService } from '../audit/audit.service';
import { CredentialsVerifier } from '../auth/credentials-verifier';
import { UserPrincipalResolver } from '../auth/user-principal.resolver';
import { ConfigurationsService } from '../configurations/configurations.service';
import { type TokenResponseDto } from './dto/token-response.dto';
import { grantedRepositoryActions, projectOfRepository } from './token-access';
import { TokenKeys } from './token-keys';

/** The `aud` of refresh tokens: no registry accepts them, only the token service's refresh grant. */
export const REFRESH_TOKEN_AUDIENCE = 'berth-refresh';

/**
 * Lifetime of a refresh token (docker stores it as its identity token after `docker login`): 30 days, after which
 * the user logs in again. Each refresh re-checks the account, so a deleted user or changed password ends it sooner.
 */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Registry token lifetime when the configuration has none: Harbor's default of 30 minutes. */
export const DEFAULT_TOKEN_EXPIRATION_MINUTES = 30;

/** Most scopes one request may ask for; each costs a project lookup, and docker asks for at most a handful. */
export const MAX_SCOPES_PER_REQUEST = 32;

/** What a client asked the token service for, from the query (GET) or the form (POST). */
export interface TokenRequest {
  /** The `service` parameter; must name this registry when given. */
  service?: string;
  /** The raw `scope` values (repeated, or space-separated as in OAuth2). */
  scopes: readonly string[];
  /** Whether the client wants a refresh token (`offline_token=true` on GET, `access_type=offline` on POST). */
  offline: boolean;
}

/**
 * The docker token service: turns a caller's identity and requested scopes into a registry token carrying exactly
 * the actions the caller holds (requested ∩ held), plus OAuth2 refresh tokens for `docker login`. Issued tokens are
 * not audited (every pull asks for one; the audit log would drown): sign-ins are, by CredentialsVerifier (Basic header
 * and password grant alike), and refused refresh tokens here.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly keys: TokenKeys,
    private readonly access: AccessService,
    private readonly projects: ProjectRepository,
    private readonly users: UserAccountRepository,
    private readonly principals: UserPrincipalResolver,
    private readonly credentials: CredentialsVerifier,
    private readonly configurations: ConfigurationsService,
    private readonly audit: AuditService,
  ) {}

  /** Issues a token for an already authenticated principal (the GET flow: Basic header or anonymous). */
  async issue(principal: Principal, request: TokenRequest): Promise<TokenResponseDto> {
    const requested = this.parseRequest(request);
    return this.respond(principal, requested, request.offline);
  }

  /** Issues a token for the OAuth2 password grant; CredentialsVerifier checks (and audits) the form's credentials. */
  async passwordGrant(
    username: string,
    password: string,
    sourceIp: string | null,
    request: TokenRequest,
  ): Promise<TokenResponseDto> {
    const requested = this.parseRequest(request);
    if (!username || !password) throw new BadRequestException('grant_type password needs username and password');
    const principal = await this.credentials.verify(username, password, sourceIp);
    return this.respond(principal, requested, request.offline);
  }

  /**
   * Issues a token for the OAuth2 refresh grant: the refresh token must be one of ours, and its user must still exist
   * under the same name with an unchanged password; the principal (LDAP groups included) and its permissions are
   * resolved afresh, so removed roles are gone from the new token. Refused refresh tokens are audited.
   */
  async refreshGrant(refreshToken: string, sourceIp: string | null, request: TokenRequest): Promise<TokenResponseDto> {
    const requested = this.parseRequest(request);
    if (!refreshToken) throw new BadRequestException('grant_type refresh_token needs refresh_token');
    let claims: RegistryTokenClaims;
    try {
      claims = this.keys
        .requireVerifier()
        .verify(refreshToken, { issuer: this.keys.issuer, audience: REFRESH_TOKEN_AUDIENCE });
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      await this.auditRefused('', sourceIp, err.code);
      throw new UnauthorizedException(`invalid refresh token (${err.code}); log in again`);
    }
    const user = claims.berth.kind === 'user' && claims.berth.id ? await this.users.findById(claims.berth.id) : null;
    const changed = user?.passwordChangedAt && user.passwordChangedAt.getTime() / 1000 > claims.iat;
    if (!user || user.username !== claims.sub || changed) {
      await this.auditRefused(claims.sub, sourceIp, user ? 'password-changed' : 'account-gone');
      throw new UnauthorizedException('the refresh token is no longer valid; log in again');
    }
    const principal = await this.principals.forUser(user, 'password');
    // The client keeps its refresh token; a new one is only handed out at login.
    return this.respond(principal, requested, false);
  }

  private async auditRefused(username: string, sourceIp: string | null, reason: string): Promise<void> {
    await this.audit.record(
      { principal: ANONYMOUS, sourceIp },
      {
        operation: 'login',
        resourceType: 'user',
        resource: username || 'unknown',
        result: 'failure',
        detail: { channel: 'token-refresh', reason },
      },
    );
  }

  private parseRequest(request: TokenRequest): ResourceAccess[] {
    if (request.service !== undefined && request.service !== this.keys.service) {
      throw new BadRequestException(
        `unknown service "${request.service}"; this token service serves "${this.keys.service}"`,
      );
    }
    let requested: ResourceAccess[];
    try {
      requested = parseScopes(request.scopes);
    } catch (err) {
      if (err instanceof ScopeSyntaxError) throw new BadRequestException(`invalid scope: ${err.message}`);
      throw err;
    }
    if (requested.length > MAX_SCOPES_PER_REQUEST) {
      throw new BadRequestException(`at most ${MAX_SCOPES_PER_REQUEST} scopes per token request`);
    }
    return requested;
  }

  private async respond(
    principal: Principal,
    requested: ResourceAccess[],
    offline: boolean,
  ): Promise<TokenResponseDto> {
    const signer = this.keys.requireSigner();
    const { access, projects } = await this.grant(principal, requested);
    const ttl = await this.ttlSeconds();
    const berth: RegistryTokenClaims['berth'] = { kind: principal.kind };
    if (principal.kind !== 'anonymous') berth.id = principal.id;
    if (projects !== undefined) berth.projects = projects;
    const subject = principal.kind === 'anonymous' ? '' : principalName(principal);
    const { token, claims } = signer.sign({ sub: subject, aud: this.keys.service, access, berth }, ttl);
    const response: TokenResponseDto = {
      token,
      access_token: token,
      expires_in: ttl,
      issued_at: new Date(claims.iat * 1000).toISOString(),
      scope: access.map((entry) => `${entry.type}:${entry.name}:${entry.actions.join(',')}`).join(' '),
    };
    // Refresh tokens stand in for a password: only for people who gave one, never for robots or access tokens.
    if (offline && principal.kind === 'user' && !principal.token) {
      response.refresh_token = signer.sign(
        {
          sub: principal.username,
          aud: REFRESH_TOKEN_AUDIENCE,
          access: [],
          berth: { kind: 'user', id: principal.id },
        },
        REFRESH_TOKEN_TTL_SECONDS,
      ).token;
    }
    return response;
  }

  /** Computes what a token grants: each repository scope's held actions, and the catalog for signed-in callers. */
  private async grant(
    principal: Principal,
    requested: readonly ResourceAccess[],
  ): Promise<{ access: ResourceAccess[]; projects?: string[] | '*' }> {
    const held = new Map<string, Promise<ReadonlySet<PermissionKey>>>();
    const permissionsIn = (project: string) => {
      let permissions = held.get(project);
      if (!permissions) {
        permissions = this.projects
          .findByName(project)
          .then((row: ProjectEntity | null) =>
            row ? this.access.projectPermissions(principal, row) : new Set<PermissionKey>(),
          );
        held.set(project, permissions);
      }
      return permissions;
    };
    const access: ResourceAccess[] = [];
    let projects: string[] | '*' | undefined;
    for (const scope of requested) {
      if (scope.type === 'repository') {
        const project = projectOfRepository(scope.name);
        if (project === undefined) continue;
        const actions = grantedRepositoryActions(scope.actions, await permissionsIn(project));
        if (actions.length > 0) access.push({ type: 'repository', name: scope.name, actions });
      } else if (scope.name === CATALOG_SCOPE.name && principal.kind !== 'anonymous') {
        access.push({ ...CATALOG_SCOPE });
        const visible = await this.access.visibleProjectIds(principal);
        projects = visible === 'all' ? '*' : await this.projects.namesVisibleWith(visible);
      }
    }
    return { access, projects };
  }

  private async ttlSeconds(): Promise<number> {
    const minutes = (await this.configurations.getSecurityPolicy()).tokenExpirationMinutes;
    return (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_TOKEN_EXPIRATION_MINUTES) * 60;
  }
}
