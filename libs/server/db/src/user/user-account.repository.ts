import { type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { UserEntity, type UserSource } from './user.entity';

/** The alias of the user table in list queries, for the SQL expressions of a refinement's field map. */
export const USER_LIST_ALIAS = 'u';

/** Postgres' SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/** The fields of a new account; id and times are set by the database. */
export interface NewUserAccount {
  username: string;
  email: string | null;
  realname: string;
  comment: string;
  passwordHash: string | null;
  sysadmin: boolean;
  source: UserSource;
  ldapDn: string | null;
}

/** The profile fields a user or an administrator may change. */
export type UserProfileChanges = Partial<Pick<UserEntity, 'email' | 'realname' | 'comment'>>;

/** Adds a request's filters, order and page to a list query (the API layer's q/sort/page helpers). */
export type UserListRefinement = (qb: SelectQueryBuilder<UserEntity>) => void;

/** What a change that could remove the last system administrator did. */
export type SysadminGuardedResult = 'done' | 'not-found' | 'last-sysadmin';

/** Thrown when a username is already taken. */
export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`a user named ${username} already exists`);
  }
}

/** Queries and changes of user accounts for the users API and sign-in. */
export class UserAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a user by id. */
  findById(id: number): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Finds a user by exact username. */
  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  /** Tells whether another account already uses an email address, compared case-insensitively. */
  async emailTaken(email: string, exceptUserId?: number): Promise<boolean> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder(USER_LIST_ALIAS)
      .where(`lower(${USER_LIST_ALIAS}.email) = lower(:email)`, { email });
    if (exceptUserId !== undefined) qb.andWhere(`${USER_LIST_ALIAS}.id <> :exceptUserId`, { exceptUserId });
    return (await qb.getCount()) > 0;
  }

  /** Inserts an account and returns it; throws UsernameTakenError when the username exists. */
  async insert(user: NewUserAccount): Promise<UserEntity> {
    const repo = this.dataSource.getRepository(UserEntity);
    try {
      return await repo.save(repo.create(user));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new UsernameTakenError(user.username);
      throw err;
    }
  }

  /** Applies profile changes and returns the account, or null when it does not exist. */
  async updateProfile(id: number, changes: UserProfileChanges): Promise<UserEntity | null> {
    if (Object.keys(changes).length > 0) await this.dataSource.getRepository(UserEntity).update({ id }, changes);
    return this.findById(id);
  }

  /** Replaces the password hash and stamps password_changed_at; returns whether the account exists. */
  async setPasswordHash(id: number, passwordHash: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(UserEntity)
      .update({ id }, { passwordHash, passwordChangedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** Stamps the time of a successful sign-in. */
  async recordLogin(id: number): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { lastLoginAt: () => 'now()' });
  }

  /**
   * Sets or clears the sysadmin flag, refusing to clear it on the last system administrator. The sysadmin rows are
   * locked first, so two administrators demoting each other at once cannot both succeed.
   */
  setSysadmin(id: number, sysadmin: boolean): Promise<SysadminGuardedResult> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockForSysadminChange(manager, id);
      if (!target) return 'not-found';
      if (target.sysadmin && !sysadmin && target.remaining === 0) return 'last-sysadmin';
      await manager.getRepository(UserEntity).update({ id }, { sysadmin });
      return 'done';
    });
  }

  /** Deletes an account (memberships and tokens go with it), refusing to delete the last system administrator. */
  delete(id: number): Promise<SysadminGuardedResult> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockForSysadminChange(manager, id);
      if (!target) return 'not-found';
      if (target.sysadmin && target.remaining === 0) return 'last-sysadmin';
      await manager.getRepository(UserEntity).delete({ id });
      return 'done';
    });
  }

  /** Lists one page of accounts refined by the request's filters, order and page, with the total. */
  async list(refine: UserListRefinement): Promise<{ items: UserEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder(USER_LIST_ALIAS);
    refine(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /**
   * Locks the sysadmin rows (in id order, so concurrent callers cannot deadlock) and the target, and tells whether the
   * target is a sysadmin and how many other sysadmins remain.
   */
  private async lockForSysadminChange(
    manager: EntityManager,
    id: number,
  ): Promise<{ sysadmin: boolean; remaining: number } | null> {
    const admins: { id: number }[] = await manager.query(
      'SELECT id FROM "user" WHERE sysadmin = true ORDER BY id FOR UPDATE',
    );
    const target: { sysadmin: boolean }[] = await manager.query(
      'SELECT sysadmin FROM "user" WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (target.length === 0) return null;
    return { sysadmin: target[0]!.sysadmin, remaining: admins.filter((row) => Number(row.id) !== id).length };
  }
}
