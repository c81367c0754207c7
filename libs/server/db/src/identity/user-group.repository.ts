import { type DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { UserGroupEntity, type UserGroupType } from './user-group.entity';

/** The alias of the user_group table in list queries, for the SQL expressions of a refinement's field map. */
export const USER_GROUP_LIST_ALIAS = 'g';

/** Postgres' SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

/** The fields of a new group; the DN must already be normalized (lower case). */
export interface NewUserGroup {
  groupName: string;
  groupType: UserGroupType;
  ldapGroupDn: string;
}

/** Adds a request's filters, order and page to a list query (the API layer's q/sort/page helpers). */
export type UserGroupListRefinement = (qb: SelectQueryBuilder<UserGroupEntity>) => void;

/** Thrown when a group with the same LDAP DN exists. */
export class UserGroupDnTakenError extends Error {
  constructor(readonly ldapGroupDn: string) {
    super(`a user group with DN ${ldapGroupDn} already exists`);
  }
}

/** Queries and changes of user groups. */
export class UserGroupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a group by id. */
  findById(id: number): Promise<UserGroupEntity | null> {
    return this.dataSource.getRepository(UserGroupEntity).findOneBy({ id });
  }

  /** Finds a group by its normalized LDAP DN. */
  findByDn(ldapGroupDn: string): Promise<UserGroupEntity | null> {
    return this.dataSource.getRepository(UserGroupEntity).findOneBy({ ldapGroupDn });
  }

  /** Maps normalized LDAP group DNs to the ids of the groups Berth knows, skipping unknown DNs. */
  async idsByDns(ldapGroupDns: readonly string[]): Promise<number[]> {
    if (ldapGroupDns.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(UserGroupEntity)
      .find({ select: { id: true }, where: { ldapGroupDn: In([...ldapGroupDns]) }, order: { id: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** Inserts a group and returns it; throws UserGroupDnTakenError when its DN exists. */
  async insert(group: NewUserGroup): Promise<UserGroupEntity> {
    const repo = this.dataSource.getRepository(UserGroupEntity);
    try {
      return await repo.save(repo.create(group));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new UserGroupDnTakenError(group.ldapGroupDn);
      throw err;
    }
  }

  /** Renames a group and returns it, or null when it does not exist. */
  async rename(id: number, groupName: string): Promise<UserGroupEntity | null> {
    await this.dataSource.getRepository(UserGroupEntity).update({ id }, { groupName });
    return this.findById(id);
  }

  /** Deletes a group (its project memberships go with it); returns whether it existed. */
  async delete(id: number): Promise<boolean> {
    const result = await this.dataSource.getRepository(UserGroupEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** Lists one page of groups refined by the request's filters, order and page, with the total. */
  async list(refine: UserGroupListRefinement): Promise<{ items: UserGroupEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(UserGroupEntity).createQueryBuilder(USER_GROUP_LIST_ALIAS);
    refine(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
