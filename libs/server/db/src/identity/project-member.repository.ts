import { type DataSource } from 'typeorm';
import { ProjectMemberEntity } from './project-member.entity';

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
}
