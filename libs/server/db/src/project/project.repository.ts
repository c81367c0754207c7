import { type DataSource } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** Queries over projects. */
export class ProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a project by id. */
  findById(id: number): Promise<ProjectEntity | null> {
    return this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
  }

  /** Finds a project by its exact name. */
  findByName(name: string): Promise<ProjectEntity | null> {
    return this.dataSource.getRepository(ProjectEntity).findOneBy({ name });
  }

  /** Maps project names to ids, skipping names that match no project. */
  async idsByNames(names: readonly string[]): Promise<number[]> {
    if (names.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .where('p.name IN (:...names)', { names })
      .getRawMany<{ id: number }>();
    return rows.map((row) => Number(row.id));
  }

  /** Lists the names of the given projects plus every public one (what a caller may see). */
  async namesVisibleWith(projectIds: readonly number[]): Promise<string[]> {
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p').select('p.name', 'name');
    qb.where('p.public = true');
    if (projectIds.length > 0) qb.orWhere('p.id IN (:...projectIds)', { projectIds });
    const rows = await qb.orderBy('p.name').getRawMany<{ name: string }>();
    return rows.map((row) => row.name);
  }
}
