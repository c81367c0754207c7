import {
  ProjectRepository,
  USER_LIST_ALIAS,
  UserAccountRepository,
  type UserEntity,
  UsernameTakenError,
  type UserProfileChanges,
} from '@berth/db';
import { Action, type PermissionKey, parsePermissionKey, SystemResource } from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { type Actor, type Principal, type UserPrincipal } from '../../common/auth/principal';
import { applyListQuery, escapeLike, type ListQueryOf, type Page } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionStore } from '../auth/session.store';
import { ConfigurationsService } from '../configurations/configurations.service';
import {
  type ChangePasswordDto,
  type CreateUserDto,
  type PermissionDto,
  type UpdateUserProfileDto,
  type UserResponseDto,
  type UserSearchItemDto,
} from './dto/user.dto';
import { type USER_LIST, type USER_SEARCH } from './dto/user-list.query';
import { ADMIN_USERNAME } from './admin-bootstrap.service';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyViolation, usernameViolation } from './password-policy';
import { UsersException } from './users.exception';

/** Where each key of USER_LIST lives in SQL. */
const USER_FIELDS = {
  username: `${USER_LIST_ALIAS}.username`,
  email: `${USER_LIST_ALIAS}.email`,
  sysadmin_flag: `${USER_LIST_ALIAS}.sysadmin`,
  creation_time: `${USER_LIST_ALIAS}.created_at`,
  update_time: `${USER_LIST_ALIAS}.updated_at`,
} as const;

/** Harbor's permission scopes: `/system`, and `/project/<id or name>`. */
const SYSTEM_SCOPE = '/system';
const PROJECT_SCOPE = /^\/project\/([^/]+)$/;

/** User accounts: Harbor's /users API, self-registration, password changes and the caller's permissions. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly projects: ProjectRepository,
    private readonly hasher: PasswordHasher,
    private readonly configurations: ConfigurationsService,
    private readonly access: AccessService,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Lists one page of accounts. */
  async list(query: ListQueryOf<typeof USER_LIST>): Promise<Page<UserResponseDto>> {
    const { items, total } = await this.users.list((qb) =>
      applyListQuery(qb, query, USER_FIELDS, { tieBreaker: `${USER_LIST_ALIAS}.id` }),
    );
    return { items: items.map((user) => toResponse(user)), total };
  }

  /** Finds accounts whose name contains `username`, for adding members; any signed-in caller may. */
  async search(username: string, query: ListQueryOf<typeof USER_SEARCH>): Promise<Page<UserSearchItemDto>> {
    const { items, total } = await this.users.list((qb) => {
      qb.where(`${USER_LIST_ALIAS}.username ILIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(username)}%` });
      applyListQuery(qb, query, {}, { tieBreaker: `${USER_LIST_ALIAS}.username` });
    });
    return { items: items.map((user) => ({ user_id: user.id, username: user.username })), total };
  }

  /**
   * Creates a local account: system administrators always, anonymous callers only when self-registration is on and
   * people sign in with local accounts. Self-registered accounts are never administrators.
   */
  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponseDto> {
    await this.assertMayCreate(actor.principal);
    const policy = await this.configurations.getSecurityPolicy();
    const nameProblem = usernameViolation(dto.username, policy.robotNamePrefix);
    if (nameProblem) throw new UsersException('INVALID_USERNAME', nameProblem);
    this.assertStrongPassword(dto.password);
    const email = dto.email ?? null;
    if (email !== null && (await this.users.emailTaken(email))) {
      throw new UsersException('EMAIL_TAKEN', `the email ${email} is already used by another account`);
    }
    let user: UserEntity;
    try {
      user = await this.users.insert({
        username: dto.username,
        email,
        realname: dto.realname ?? '',
        comment: dto.comment ?? '',
        passwordHash: await this.hasher.hash(dto.password),
        sysadmin: false,
        source: 'local',
        ldapDn: null,
      });
    } catch (err) {
      if (err instanceof UsernameTakenError) {
        throw new UsersException('USERNAME_TAKEN', `a user named ${dto.username} already exists`);
      }
      throw err;
    }
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'user',
      resource: user.username,
      detail: { user_id: user.id, self_registration: actor.principal.kind === 'anonymous' },
    });
    return toResponse(user);
  }

  /** Reads the caller's own account. */
  async current(actor: Actor): Promise<UserResponseDto> {
    const principal = requireUser(actor.principal);
    const user = await this.findOrThrow(principal.id);
    return toResponse(user, principal.sysadmin && !user.sysadmin);
  }

  /** Reads an account: your own, or any with the system permission user:read. */
  async get(actor: Actor, userId: number): Promise<UserResponseDto> {
    const principal = actor.principal;
    const self = principal.kind === 'user' && principal.id === userId;
    if (!self && !this.access.canSystem(principal, SystemResource.User, Action.Read)) {
      throw new UsersException('FORBIDDEN', 'only system administrators may read other accounts');
    }
    const user = await this.findOrThrow(userId);
    return toResponse(user, self && principal.sysadmin && !user.sysadmin);
  }

  /** Changes the profile of your own account, or of any as a system administrator. */
  async updateProfile(actor: Actor, userId: number, dto: UpdateUserProfileDto): Promise<UserResponseDto> {
    this.assertSelfOrAdmin(actor.principal, userId, 'change other accounts');
    const changes: UserProfileChanges = {};
    if (dto.email !== undefined) {
      if (await this.users.emailTaken(dto.email, userId)) {
        throw new UsersException('EMAIL_TAKEN', `the email ${dto.email} is already used by another account`);
      }
      changes.email = dto.email;
    }
    if (dto.realname !== undefined) changes.realname = dto.realname;
    if (dto.comment !== undefined) changes.comment = dto.comment;
    const user = await this.users.updateProfile(userId, changes);
    if (!user) throw notFound(userId);
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'user',
      resource: user.username,
      detail: { user_id: userId, fields: Object.keys(changes).sort() },
    });
    return toResponse(user);
  }

  /**
   * Changes a local account's password: your own with the old password, another's as a system administrator (a
   * reset). Every other console session of the account ends, and its failed sign-ins are forgotten.
   */
  async changePassword(actor: Actor, userId: number, dto: ChangePasswordDto, sessionId?: string): Promise<void> {
    const principal = this.assertSelfOrAdmin(actor.principal, userId, "change other accounts' passwords");
    const user = await this.findOrThrow(userId);
    if (user.source !== 'local') {
      throw new UsersException('LDAP_ACCOUNT', 'the password of an LDAP account is changed in LDAP, not in Berth');
    }
    const self = principal.id === userId;
    if (self) {
      const old = dto.old_password ?? '';
      if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, old))) {
        throw new UsersException('WRONG_OLD_PASSWORD', 'the old password is wrong');
      }
    }
    this.assertStrongPassword(dto.new_password);
    if (user.passwordHash && (await this.hasher.verify(user.passwordHash, dto.new_password))) {
      throw new UsersException('SAME_PASSWORD', 'the new password must differ from the current one');
    }
    if (!(await this.users.setPasswordHash(userId, await this.hasher.hash(dto.new_password)))) throw notFound(userId);
    await this.sessions.destroyAllFor(userId, self ? sessionId : undefined);
    await this.throttle.reset(user.username);
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'user',
      resource: user.username,
      detail: { user_id: userId, fields: ['password'], reset: !self },
    });
  }

  /** Sets or clears the system administrator flag; the last system administrator keeps it. */
  async setSysadmin(actor: Actor, userId: number, sysadmin: boolean): Promise<void> {
    assertNoToken(actor.principal);
    const user = await this.findOrThrow(userId);
    const result = await this.users.setSysadmin(userId, sysadmin);
    if (result === 'not-found') throw notFound(userId);
    if (result === 'last-sysadmin') {
      throw new UsersException('LAST_SYSADMIN', `${user.username} is the last system administrator`);
    }
    if (user.sysadmin === sysadmin) return;
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'user',
      resource: user.username,
      detail: { user_id: userId, sysadmin_flag: sysadmin },
    });
  }

  /** Deletes an account with its memberships and tokens, and ends its sessions; never yours or the last admin's. */
  async delete(actor: Actor, userId: number): Promise<void> {
    assertNoToken(actor.principal);
    if (actor.principal.kind === 'user' && actor.principal.id === userId) {
      throw new UsersException('SELF_DELETE', 'you cannot delete your own account');
    }
    const user = await this.findOrThrow(userId);
    if (user.username === ADMIN_USERNAME && user.source === 'local') {
      // As in Harbor: the bootstrap account would come back at the next start, with the install's password.
      throw new UsersException('FORBIDDEN', `the ${ADMIN_USERNAME} account cannot be deleted`);
    }
    const result = await this.users.delete(userId);
    if (result === 'not-found') throw notFound(userId);
    if (result === 'last-sysadmin') {
      throw new UsersException('LAST_SYSADMIN', `${user.username} is the last system administrator`);
    }
    await this.sessions.destroyAllFor(userId);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'user',
      resource: user.username,
      detail: { user_id: userId },
    });
  }

  /**
   * Lists the caller's permissions in a scope, as Harbor: `/system` or `/project/<id>`; resources relative to the
   * scope (`repository`) or with it (`/project/1/repository`). An unknown scope or project lists nothing.
   */
  async permissions(actor: Actor, scope: string | undefined, relative: boolean): Promise<PermissionDto[]> {
    const normalized = (scope ?? '').replace(/\/+$/, '');
    let keys: Set<PermissionKey>;
    if (normalized === SYSTEM_SCOPE) {
      keys = this.access.systemPermissions(actor.principal);
    } else {
      const ref = PROJECT_SCOPE.exec(normalized)?.[1];
      if (ref === undefined) return [];
      const project = /^[0-9]{1,9}$/.test(ref)
        ? await this.projects.findById(Number(ref))
        : await this.projects.findByName(decodeURIComponent(ref));
      if (!project) return [];
      keys = await this.access.projectPermissions(actor.principal, project);
    }
    return [...keys]
      .sort()
      .map((key) => parsePermissionKey(key))
      .filter((permission) => permission !== undefined)
      .map((permission) => ({
        resource: relative ? permission.resource : `${normalized}/${permission.resource}`,
        action: permission.action,
      }));
  }

  private async assertMayCreate(principal: Principal): Promise<void> {
    if (principal.kind === 'user' && principal.sysadmin) {
      assertNoToken(principal);
      return;
    }
    if (principal.kind !== 'anonymous') {
      throw new UsersException('FORBIDDEN', 'only system administrators may create accounts');
    }
    const config = await this.configurations.getAll();
    if (!config.self_registration || config.auth_mode !== 'db_auth') {
      throw new UsersException('AUTHENTICATION_REQUIRED', 'authentication required: self-registration is off');
    }
  }

  private assertSelfOrAdmin(principal: Principal, userId: number, what: string): UserPrincipal {
    const user = requireUser(principal);
    assertNoToken(user);
    if (user.id !== userId && !user.sysadmin) {
      throw new UsersException('FORBIDDEN', `only system administrators may ${what}`);
    }
    return user;
  }

  private assertStrongPassword(password: string): void {
    const problem = passwordPolicyViolation(password);
    if (problem) throw new UsersException('WEAK_PASSWORD', problem);
  }

  private async findOrThrow(userId: number): Promise<UserEntity> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound(userId);
    return user;
  }
}

/** Maps an account onto the API's shape, never with its password hash. */
export function toResponse(user: UserEntity, adminRoleInAuth = false): UserResponseDto {
  return {
    user_id: user.id,
    username: user.username,
    email: user.email,
    realname: user.realname,
    comment: user.comment,
    sysadmin_flag: user.sysadmin,
    admin_role_in_auth: adminRoleInAuth,
    source: user.source,
    last_login_time: user.lastLoginAt?.toISOString() ?? null,
    creation_time: user.createdAt.toISOString(),
    update_time: user.updatedAt.toISOString(),
  };
}

/** Narrows the caller to a person; robots have no account. */
export function requireUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new UsersException('NOT_A_USER', 'only users have an account');
  return principal;
}

/**
 * Refuses account, password and token management to callers signed in with a personal access token: a token limited
 * to some scopes must not be able to mint itself a broader one or take over the account.
 */
export function assertNoToken(principal: Principal): void {
  if (principal.kind === 'user' && principal.via === 'personal-access-token') {
    throw new UsersException(
      'TOKEN_NOT_ALLOWED',
      'personal access tokens cannot manage accounts, passwords or tokens: sign in with a password',
    );
  }
}

function notFound(userId: number): UsersException {
  return new UsersException('NOT_FOUND', `user ${userId} not found`);
}
