import { type DataSource, type EntityManager } from 'typeorm';
import { type QueryRefiner, type RowPage, isUniqueViolation } from '../project/project.repository';
import { UserEntity } from '../user/user.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { UserGroupEntity } from './user-group.entity';

/** Whether a member is a user ('u') or a group ('g'), as Harbor's entity_type says. */
export type MemberEntityType = 'u' | 'g';

/** A membership as the API shows it: who (user or group, by id and name) holds which role. */
export interface MemberRow {
  id: number;
  projectId: number;
  entityType: MemberEntityType;
  entityId: number;
  entityName: string;
  role: number;
}

/** Where the keys of the member list live in SQL (`m` the membership, `u` its user, `g` its group). */
export const MEMBER_LIST_FIELDS = {
  entity_name: 'coalesce(u.username, g.group_name)',
  entity_type: "CASE WHEN m.user_id IS NULL THEN 'g' ELSE 'u' END",
  // Cast so a filter value beyond smallint is compared, not refused by Postgres as out of range.
  role_id: 'm.role::integer',
} as const;

/** The outcome of adding a member. */
export type AddMemberResult = { added: true; id: number } | { added: false; reason: 'duplicate' };

/** The outcome of changing or removing a membership. */
export type ChangeMemberResult = 'done' | 'unknown' | 'last-admin';

/** An LDAP group to add as a member, created in user_group when its DN is new. */
export interface LdapGroupRef {
  /** The distinguished name; stored lower-cased, as user_group keeps them. */
  dn: string;
  /** The name to show; used only when the group is new. */
  name: string;
}

/** Selects a membership with its entity's id, type and name. */
const MEMBER_SELECT = `SELECT m.id, m.project_id AS "projectId", m.role,
    CASE WHEN m.user_id IS NULL THEN 'g' ELSE 'u' END AS "entityType",
    coalesce(m.user_id, m.group_id) AS "entityId", coalesce(u.username, g.group_name) AS "entityName"
  FROM project_member m LEFT JOIN "user" u ON u.id = m.user_id LEFT JOIN user_group g ON g.id = m.group_id`;

/** Maps a raw membership row to numbers where pg answers strings. */
function toMemberRow(row: MemberRow): MemberRow {
  return { ...row, id: Number(row.id), projectId: Number(row.projectId), entityId: Number(row.entityId) };
}

/** Queries over project memberships of users and groups. */
export class ProjectMemberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists the role ids a user holds in a project, directly or through any of the given groups. */
  async rolesOf(projectId: number, userId: number, groupIds: readonly number[]): Promise<number[]> {
    const qb = this.dataSource
      .getRepository(ProjectMemberEntity)
      .createQueryBuilder('m')
      .select('m.role', 'role')
      .where('m.project_id = :projectId', { projectId })
      .andWhere(groupIds.length > 0 ? '(m.user_id = :userId OR m.group_id IN (:...groupIds))' : 'm.user_id = :userId', {
        userId,
        groupIds,
      });
    const rows = await qb.getRawMany<{ role: number }>();
    return rows.map((row) => Number(row.role));
  }

  /** Lists the ids of the projects a user is a member of, directly or through any of the given groups. */
  async projectIdsOf(userId: number, groupIds: readonly number[]): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(ProjectMemberEntity)
      .createQueryBuilder('m')
      .select('DISTINCT m.project_id', 'projectId')
      .where(groupIds.length > 0 ? '(m.user_id = :userId OR m.group_id IN (:...groupIds))' : 'm.user_id = :userId', {
        userId,
        groupIds,
      })
      .getRawMany<{ projectId: number }>();
    return rows.map((row) => Number(row.projectId));
  }

  /** Maps each of the given projects to the roles a user holds in it, directly or through the given groups. */
  async rolesByProject(
    userId: number,
    groupIds: readonly number[],
    projectIds: readonly number[],
  ): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>();
    if (projectIds.length === 0) return result;
    const rows = await this.dataSource.query<{ project_id: number; role: number }[]>(
      `SELECT project_id, role FROM project_member
       WHERE project_id = ANY($1::int[]) AND (user_id = $2 OR group_id = ANY($3::int[]))`,
      [projectIds, userId, groupIds],
    );
    for (const row of rows) {
      const roles = result.get(Number(row.project_id)) ?? [];
      roles.push(Number(row.role));
      result.set(Number(row.project_id), roles);
    }
    return result;
  }

  /** Lists a project's members, narrowed, ordered and paged by `refine` over MEMBER_LIST_FIELDS. */
  async list(projectId: number, refine: QueryRefiner<ProjectMemberEntity>): Promise<RowPage<MemberRow>> {
    const qb = this.dataSource
      .getRepository(ProjectMemberEntity)
      .createQueryBuilder('m')
      .leftJoin('m.user', 'u')
      .leftJoin('m.group', 'g')
      .select('m.id', 'id')
      .addSelect('m.project_id', 'projectId')
      .addSelect('m.role', 'role')
      .addSelect(MEMBER_LIST_FIELDS.entity_type, 'entityType')
      .addSelect('coalesce(m.user_id, m.group_id)', 'entityId')
      .addSelect(MEMBER_LIST_FIELDS.entity_name, 'entityName')
      .where('m.project_id = :projectId', { projectId });
    refine(qb);
    const [rows, total] = await Promise.all([qb.getRawMany<MemberRow>(), qb.getCount()]);
    return { items: rows.map(toMemberRow), total };
  }

  /** Finds one membership of a project by its id. */
  async find(projectId: number, memberId: number): Promise<MemberRow | undefined> {
    const rows = await this.dataSource.query<MemberRow[]>(`${MEMBER_SELECT} WHERE m.project_id = $1 AND m.id = $2`, [
      projectId,
      memberId,
    ]);
    return rows[0] && toMemberRow(rows[0]);
  }

  /** Counts a project's members per role id. */
  async countByRole(projectId: number): Promise<Map<number, number>> {
    const rows = await this.dataSource.query<{ role: number; count: number }[]>(
      'SELECT role, count(*)::int AS count FROM project_member WHERE project_id = $1 GROUP BY role',
      [projectId],
    );
    return new Map(rows.map((row) => [Number(row.role), Number(row.count)]));
  }

  /** Finds a user by id or username (whichever is given, id first). */
  findUser(ref: { id?: number; username?: string }): Promise<UserEntity | null> {
    const users = this.dataSource.getRepository(UserEntity);
    if (ref.id !== undefined) return users.findOneBy({ id: ref.id });
    if (ref.username !== undefined) return users.findOneBy({ username: ref.username });
    return Promise.resolve(null);
  }

  /** Finds a user group by id, or by its name when that names exactly one group. */
  async findGroup(ref: { id?: number; name?: string }): Promise<UserGroupEntity | null> {
    const groups = this.dataSource.getRepository(UserGroupEntity);
    if (ref.id !== undefined) return groups.findOneBy({ id: ref.id });
    if (ref.name === undefined) return null;
    const found = await groups.find({ where: { groupName: ref.name }, take: 2 });
    return found.length === 1 ? found[0]! : null;
  }

  /** Makes a user a member of a project with a role. */
  addUser(projectId: number, userId: number, role: number): Promise<AddMemberResult> {
    return this.insertMember({ projectId, userId, groupId: null, role });
  }

  /** Makes a known group a member of a project with a role. */
  addGroup(projectId: number, groupId: number, role: number): Promise<AddMemberResult> {
    return this.insertMember({ projectId, userId: null, groupId, role });
  }

  /**
   * Makes an LDAP group a member of a project with a role, creating its user_group row when the DN is new, in one
   * transaction.
   */
  async addLdapGroup(projectId: number, group: LdapGroupRef, role: number): Promise<AddMemberResult> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const dn = group.dn.toLowerCase();
        // ON CONFLICT DO UPDATE (a no-op) so RETURNING yields the id of an existing group as well as a new one.
        const rows = await manager.query<{ id: number }[]>(
          `INSERT INTO user_group (group_name, group_type, ldap_group_dn) VALUES ($1, 'ldap', $2)
           ON CONFLICT (ldap_group_dn) DO UPDATE SET ldap_group_dn = EXCLUDED.ldap_group_dn RETURNING id`,
          [group.name, dn],
        );
        const inserted = await manager
          .getRepository(ProjectMemberEntity)
          .insert({ projectId, userId: null, groupId: Number(rows[0]!.id), role });
        return { added: true as const, id: Number(inserted.identifiers[0]!['id']) };
      });
    } catch (err) {
      if (isUniqueViolation(err)) return { added: false, reason: 'duplicate' };
      throw err;
    }
  }

  /** Changes a member's role, refusing to demote the project's last projectAdmin. */
  updateRole(projectId: number, memberId: number, role: number, adminRole: number): Promise<ChangeMemberResult> {
    return this.withAdminsLocked(projectId, memberId, adminRole, role === adminRole, async (manager) => {
      await manager.query('UPDATE project_member SET role = $3, updated_at = now() WHERE project_id = $1 AND id = $2', [
        projectId,
        memberId,
        role,
      ]);
    });
  }

  /** Removes a membership, refusing to remove the project's last projectAdmin. */
  remove(projectId: number, memberId: number, adminRole: number): Promise<ChangeMemberResult> {
    return this.withAdminsLocked(projectId, memberId, adminRole, false, async (manager) => {
      await manager.query('DELETE FROM project_member WHERE project_id = $1 AND id = $2', [projectId, memberId]);
    });
  }

  /** Inserts a membership, answering a duplicate instead of throwing. */
  private async insertMember(
    member: Omit<ProjectMemberEntity, 'id' | 'project' | 'user' | 'group' | 'createdAt' | 'updatedAt'>,
  ): Promise<AddMemberResult> {
    try {
      const inserted = await this.dataSource.getRepository(ProjectMemberEntity).insert(member);
      return { added: true, id: Number(inserted.identifiers[0]!['id']) };
    } catch (err) {
      if (isUniqueViolation(err)) return { added: false, reason: 'duplicate' };
      throw err;
    }
  }

  /**
   * Runs a change to one membership while the project's projectAdmin memberships are locked, so two concurrent
   * removals cannot each see another admin left and together remove both. `staysAdmin` tells whether the member is
   * still a projectAdmin after the change.
   */
  private async withAdminsLocked(
    projectId: number,
    memberId: number,
    adminRole: number,
    staysAdmin: boolean,
    change: (manager: EntityManager) => Promise<void>,
  ): Promise<ChangeMemberResult> {
    return this.dataSource.transaction(async (manager) => {
      const admins = await manager.query<{ id: number }[]>(
        'SELECT id FROM project_member WHERE project_id = $1 AND role = $2 ORDER BY id FOR UPDATE',
        [projectId, adminRole],
      );
      const target = await manager.query<{ role: number }[]>(
        'SELECT role FROM project_member WHERE project_id = $1 AND id = $2 FOR UPDATE',
        [projectId, memberId],
      );
      if (target.length === 0) return 'unknown';
      const isAdmin = Number(target[0]!.role) === adminRole;
      if (isAdmin && !staysAdmin && admins.length <= 1) return 'last-admin';
      await change(manager);
      return 'done';
    });
  }
}
