import { type DataSource, IsNull, type SelectQueryBuilder } from 'typeorm';
import { touchCredentialLastUsed } from '../common/last-used';
import { UserEntity } from '../user/user.entity';
import { PersonalAccessTokenEntity } from './personal-access-token.entity';

/** The alias of the personal_access_token table in list queries, for a refinement's field map. */
export const PERSONAL_ACCESS_TOKEN_LIST_ALIAS = 't';

/** Postgres' SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/** The fields of a new token; id, times and last use are set by the database. */
export type NewPersonalAccessToken = Pick<
  PersonalAccessTokenEntity,
  'userId' | 'name' | 'tokenPrefix' | 'secretHash' | 'scopes' | 'expiresAt'
>;

/** A token with the account it belongs to, as sign-in needs it. */
export interface PersonalAccessTokenWithOwner {
  token: PersonalAccessTokenEntity;
  owner: UserEntity;
}

/** Adds a request's filters, order and page to a list query (the API layer's q/sort/page helpers). */
export type PersonalAccessTokenListRefinement = (qb: SelectQueryBuilder<PersonalAccessTokenEntity>) => void;

/** Thrown when the user already has a token of that name. */
export class PersonalAccessTokenNameTakenError extends Error {
  constructor(readonly tokenName: string) {
    super(`a token named ${tokenName} already exists`);
  }
}

/** Queries and changes of users' personal access tokens. */
export class PersonalAccessTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a token by its public prefix, with its owner. */
  async findByPrefix(tokenPrefix: string): Promise<PersonalAccessTokenWithOwner | null> {
    const token = await this.dataSource
      .getRepository(PersonalAccessTokenEntity)
      .findOne({ where: { tokenPrefix }, relations: { user: true } });
    if (!token) return null;
    return { token, owner: token.user };
  }

  /** Finds one of a user's tokens by id. */
  findForUser(userId: number, id: number): Promise<PersonalAccessTokenEntity | null> {
    return this.dataSource.getRepository(PersonalAccessTokenEntity).findOneBy({ id, userId });
  }

  /**
   * Inserts a token and returns it; throws PersonalAccessTokenNameTakenError when the user has one of that name
   * (a prefix collision, 64 random bits, would surface as the same error and is left to the caller's retry).
   */
  async insert(token: NewPersonalAccessToken): Promise<PersonalAccessTokenEntity> {
    const repo = this.dataSource.getRepository(PersonalAccessTokenEntity);
    try {
      return await repo.save(repo.create(token));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new PersonalAccessTokenNameTakenError(token.name);
      throw err;
    }
  }

  /** Revokes one of a user's tokens and returns it, or null when there is no such token or it was revoked already. */
  async revoke(userId: number, id: number): Promise<PersonalAccessTokenEntity | null> {
    const result = await this.dataSource
      .getRepository(PersonalAccessTokenEntity)
      .update({ id, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    if ((result.affected ?? 0) === 0) return null;
    return this.findForUser(userId, id);
  }

  /**
   * Records a use of the token unless one was recorded less than `minIntervalMs` ago, so a busy token costs one write
   * per interval; returns whether it wrote.
   */
  touchLastUsed(id: number, at: Date, minIntervalMs: number): Promise<boolean> {
    return touchCredentialLastUsed(this.dataSource, 'personal_access_token', id, at, minIntervalMs);
  }

  /** Lists one page of a user's tokens refined by the request's filters, order and page, with the total. */
  async listForUser(
    userId: number,
    refine: PersonalAccessTokenListRefinement,
  ): Promise<{ items: PersonalAccessTokenEntity[]; total: number }> {
    const qb = this.dataSource
      .getRepository(PersonalAccessTokenEntity)
      .createQueryBuilder(PERSONAL_ACCESS_TOKEN_LIST_ALIAS)
      .where(`${PERSONAL_ACCESS_TOKEN_LIST_ALIAS}.user_id = :ownerId`, { ownerId: userId });
    refine(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
