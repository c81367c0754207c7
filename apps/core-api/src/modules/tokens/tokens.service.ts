import {
  PERSONAL_ACCESS_TOKEN_LIST_ALIAS,
  type PersonalAccessTokenEntity,
  PersonalAccessTokenNameTakenError,
  PersonalAccessTokenRepository,
  UserAccountRepository,
} from '@berth/db';
import { PROJECT_PERMISSIONS, permissionKey, SYSTEM_PERMISSIONS } from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { type Actor, type UserPrincipal } from '../../common/auth/principal';
import { applyListQuery, type ListQueryOf, type Page } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { assertNoToken, requireUser } from '../users/users.service';
import {
  type CreatePersonalAccessTokenDto,
  DEFAULT_TOKEN_DAYS,
  type PERSONAL_ACCESS_TOKEN_LIST,
  type PersonalAccessTokenCreatedDto,
  type PersonalAccessTokenResponseDto,
  TOKEN_NEVER_EXPIRES,
} from './dto/personal-access-token.dto';
import { generatePersonalAccessToken } from './personal-access-token.secret';
import { TokensException } from './tokens.exception';

/** Every scope a token may carry: the project and system permission keys of @berth/rbac. */
const VALID_SCOPES: ReadonlySet<string> = new Set([...PROJECT_PERMISSIONS, ...SYSTEM_PERMISSIONS].map(permissionKey));

/** Milliseconds per day, for lifetimes in days. */
const MS_PER_DAY = 86_400_000;

/** Where each key of PERSONAL_ACCESS_TOKEN_LIST lives in SQL. */
const TOKEN_FIELDS = {
  name: `${PERSONAL_ACCESS_TOKEN_LIST_ALIAS}.name`,
  creation_time: `${PERSONAL_ACCESS_TOKEN_LIST_ALIAS}.created_at`,
  expires_at: `${PERSONAL_ACCESS_TOKEN_LIST_ALIAS}.expires_at`,
} as const;

/** Which account a token request is about: the caller's own, or one given by id. */
export type TokenOwnerRef = 'current' | number;

/** Users' personal access tokens: create (secret shown once), list and revoke; every change audited. */
@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: PersonalAccessTokenRepository,
    private readonly users: UserAccountRepository,
    private readonly audit: AuditService,
  ) {}

  /** Lists one page of an account's tokens: your own, or anyone's as a system administrator. */
  async list(
    actor: Actor,
    owner: TokenOwnerRef,
    query: ListQueryOf<typeof PERSONAL_ACCESS_TOKEN_LIST>,
  ): Promise<Page<PersonalAccessTokenResponseDto>> {
    const { userId } = await this.resolveOwner(actor, owner, true);
    const now = new Date();
    const { items, total } = await this.tokens.listForUser(userId, (qb) =>
      applyListQuery(qb, query, TOKEN_FIELDS, { tieBreaker: `${PERSONAL_ACCESS_TOKEN_LIST_ALIAS}.id` }),
    );
    return { items: items.map((token) => toResponse(token, now)), total };
  }

  /** Creates a token for yourself and returns it with its secret, which is never shown again. */
  async create(
    actor: Actor,
    owner: TokenOwnerRef,
    dto: CreatePersonalAccessTokenDto,
  ): Promise<PersonalAccessTokenCreatedDto> {
    const { userId, username } = await this.resolveOwner(actor, owner, false);
    const unknown = dto.scopes.filter((scope) => !VALID_SCOPES.has(scope));
    if (unknown.length > 0) {
      throw new TokensException('UNKNOWN_SCOPE', `unknown scopes: ${unknown.join(', ')}`);
    }
    const days = dto.expires_in_days ?? DEFAULT_TOKEN_DAYS;
    if (days === 0) throw new TokensException('INVALID_DURATION', 'expires_in_days must be 1 or more, or -1');
    const generated = generatePersonalAccessToken();
    let row: PersonalAccessTokenEntity;
    try {
      row = await this.tokens.insert({
        userId,
        name: dto.name,
        tokenPrefix: generated.tokenPrefix,
        secretHash: generated.secretHash,
        scopes: [...new Set(dto.scopes)].sort(),
        expiresAt: days === TOKEN_NEVER_EXPIRES ? null : new Date(Date.now() + days * MS_PER_DAY),
      });
    } catch (err) {
      if (err instanceof PersonalAccessTokenNameTakenError) {
        throw new TokensException('NAME_TAKEN', `${username} already has a token named ${dto.name}`);
      }
      throw err;
    }
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'token',
      resource: `${username}/${row.name}`,
      detail: { token_id: row.id, scopes: row.scopes, expires_at: row.expiresAt?.toISOString() ?? null },
    });
    return { ...toResponse(row, new Date()), secret: generated.token };
  }

  /** Revokes a token at once: your own, or anyone's as a system administrator. */
  async revoke(actor: Actor, owner: TokenOwnerRef, tokenId: number): Promise<void> {
    const { userId, username } = await this.resolveOwner(actor, owner, true);
    const row = await this.tokens.revoke(userId, tokenId);
    if (!row) {
      throw new TokensException('NOT_FOUND', `token ${tokenId} not found or already revoked`);
    }
    await this.audit.record(actor, {
      operation: 'revoke',
      resourceType: 'token',
      resource: `${username}/${row.name}`,
      detail: { token_id: row.id },
    });
  }

  /**
   * Resolves whose tokens a request is about and checks the caller may act on them: a person signed in with a
   * password or session (never a token), on their own tokens, or as a system administrator on another's when
   * `adminMayActForOthers` (listing and revoking; nobody creates tokens for someone else).
   */
  private async resolveOwner(
    actor: Actor,
    owner: TokenOwnerRef,
    adminMayActForOthers: boolean,
  ): Promise<{ userId: number; username: string }> {
    const principal: UserPrincipal = requireUser(actor.principal);
    assertNoToken(principal);
    if (owner === 'current' || owner === principal.id) return { userId: principal.id, username: principal.username };
    if (!adminMayActForOthers || !principal.sysadmin) {
      const what = adminMayActForOthers ? 'manage the tokens of other users' : 'create tokens for other users';
      throw new TokensException(
        'FORBIDDEN',
        adminMayActForOthers ? `only system administrators may ${what}` : `nobody may ${what}`,
      );
    }
    const user = await this.users.findById(owner);
    if (!user) throw new TokensException('NOT_FOUND', `user ${owner} not found`);
    return { userId: user.id, username: user.username };
  }
}

function toResponse(token: PersonalAccessTokenEntity, now: Date): PersonalAccessTokenResponseDto {
  return {
    id: token.id,
    name: token.name,
    token_prefix: token.tokenPrefix,
    scopes: token.scopes,
    expires_at: token.expiresAt?.toISOString() ?? null,
    expired: token.expiresAt !== null && token.expiresAt <= now,
    revoked_at: token.revokedAt?.toISOString() ?? null,
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    creation_time: token.createdAt.toISOString(),
  };
}
