import { type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ProjectMemberEntity } from '../identity/project-member.entity';
import { ProjectEntity } from './project.entity';

/**
 * Narrows, orders and pages a list query that a repository built: the caller applies the API's parsed `q`, `sort`,
 * `page` and `page_size` through the field map the repository exports, so SQL expressions stay in the repository.
 */
export type QueryRefiner<T extends ObjectLiteral = ObjectLiteral> = (qb: SelectQueryBuilder<T>) => void;

/** One page of a list and the number of rows on all pages. */
export interface RowPage<T> {
  items: T[];
  total: number;
}

/** Which projects a caller may see: the public ones plus these ids, or all of them. */
export type ProjectVisibility = number[] | 'all';

/** Where the keys of the project list live in SQL (the `p` alias is the project, `o` its owner). */
export const PROJECT_LIST_FIELDS = {
  project_id: 'p.id',
  name: 'p.name',
  public: 'p.public',
  owner_id: 'p.owner_id',
  owner_name: 'o.username',
  creation_time: 'p.created_at',
  update_time: 'p.updated_at',
} as const;

/** A project with what its list and detail views show besides its own columns. */
export interface ProjectView {
  project: ProjectEntity;
  ownerName: string | null;
  /** Repositories holding at least one manifest (empty ones are pushes in progress or leftovers of deletes). */
  repoCount: number;
}

/** What a new project is made of. */
export interface NewProject {
  name: string;
  public: boolean;
  ownerId: number | null;
  storageLimit: number;
  metadata: Record<string, string>;
}

/** The settings of a project that can change after creation. */
export interface ProjectChanges {
  public?: boolean;
  storageLimit?: number;
  /** Merged into the stored metadata (keys set to these values). */
  metadata?: Record<string, string>;
}

/** The outcome of a project delete. */
export type ProjectDeleteResult =
  | { deleted: true }
  | { deleted: false; reason: 'unknown' }
  | { deleted: false; reason: 'not-empty'; repositoryCount: number };

/** Postgres' unique_violation SQLSTATE. */
const UNIQUE_VIOLATION = '23505';

/** Tells whether an error is Postgres refusing a duplicate key. */
export function isUniqueViolation(err: unknown): boolean {
  const cause = (err as { driverError?: { code?: string }; code?: string } | null) ?? {};
  return cause.code === UNIQUE_VIOLATION || cause.driverError?.code === UNIQUE_VIOLATION;
}

/** Counts, per project, the repositories that hold at least one manifest. */
const REPO_COUNT_SQL = `SELECT r.project_id AS project_id, count(*)::int AS count FROM repository r
  WHERE r.project_id = ANY($1::int[]) AND EXISTS (SELECT 1 FROM manifest m WHERE m.repository_id = r.id)
  GROUP BY r.project_id`;

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

  /**
   * Lists the projects a caller may see, narrowed, ordered and paged by `refine` over PROJECT_LIST_FIELDS, with their
   * owners' names and repository counts.
   */
  async listVisible(visibility: ProjectVisibility, refine: QueryRefiner<ProjectEntity>): Promise<RowPage<ProjectView>> {
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p').leftJoin('p.owner', 'o');
    restrictToVisible(qb, visibility);
    refine(qb);
    qb.addSelect('o.username', 'owner_name');
    const total = await qb.getCount();
    const { entities, raw } = await qb.getRawAndEntities<{ p_id: number; owner_name: string | null }>();
    const ownerById = new Map(raw.map((row) => [Number(row.p_id), row.owner_name]));
    const counts = await this.repoCounts(entities.map((p) => p.id));
    return {
      total,
      items: entities.map((project) => ({
        project,
        ownerName: ownerById.get(project.id) ?? null,
        repoCount: counts.get(project.id) ?? 0,
      })),
    };
  }

  /** Loads one project with its owner's name and repository count. */
  async view(project: ProjectEntity): Promise<ProjectView> {
    const owner = project.ownerId
      ? await this.dataSource.query<{ username: string }[]>('SELECT username FROM "user" WHERE id = $1', [
          project.ownerId,
        ])
      : [];
    const counts = await this.repoCounts([project.id]);
    return { project, ownerName: owner[0]?.username ?? null, repoCount: counts.get(project.id) ?? 0 };
  }

  /** Finds visible projects whose name contains a text (case-insensitive), by name, at most `limit`. */
  async searchVisible(visibility: ProjectVisibility, text: string, limit: number): Promise<ProjectView[]> {
    const page = await this.listVisible(visibility, (qb) => {
      qb.andWhere("p.name ILIKE :text ESCAPE '\\'", { text: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      qb.orderBy('p.name', 'ASC').limit(limit);
    });
    return page.items;
  }

  /** Counts the repositories holding at least one manifest, per project id. */
  async repoCounts(projectIds: readonly number[]): Promise<Map<number, number>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ project_id: number; count: number }[]>(REPO_COUNT_SQL, [projectIds]);
    return new Map(rows.map((row) => [Number(row.project_id), Number(row.count)]));
  }

  /**
   * Creates a project and, when a user creates it, makes that user its projectAdmin, in one transaction. Returns
   * undefined when the name is taken.
   */
  async create(project: NewProject, adminRole: number): Promise<ProjectEntity | undefined> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(ProjectEntity).save(manager.create(ProjectEntity, project));
        if (project.ownerId !== null) {
          await manager
            .getRepository(ProjectMemberEntity)
            .insert({ projectId: saved.id, userId: project.ownerId, groupId: null, role: adminRole });
        }
        return saved;
      });
    } catch (err) {
      if (isUniqueViolation(err)) return undefined;
      throw err;
    }
  }

  /** Changes a project's settings (metadata keys are merged); returns the updated project, or null when it is gone. */
  async update(id: number, changes: ProjectChanges): Promise<ProjectEntity | null> {
    const set: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    if (changes.public !== undefined) set.push(`public = $${params.push(changes.public)}`);
    if (changes.storageLimit !== undefined) set.push(`storage_limit = $${params.push(changes.storageLimit)}`);
    if (changes.metadata !== undefined) {
      set.push(`metadata = metadata || $${params.push(JSON.stringify(changes.metadata))}::jsonb`);
    }
    await this.dataSource.query(`UPDATE project SET ${set.join(', ')} WHERE id = $1`, params);
    return this.findById(id);
  }

  /** Removes metadata keys from a project; returns the updated project, or null when it is gone. */
  async removeMetadata(id: number, keys: readonly string[]): Promise<ProjectEntity | null> {
    await this.dataSource.query(
      'UPDATE project SET metadata = metadata - $2::text[], updated_at = now() WHERE id = $1',
      [id, keys],
    );
    return this.findById(id);
  }

  /**
   * Deletes a project unless a repository of it holds a manifest. The project row is locked first, so a push that
   * creates a repository in it waits and then fails on the foreign key instead of racing the check.
   */
  async deleteIfEmpty(id: number): Promise<ProjectDeleteResult> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.query<{ id: number }[]>('SELECT id FROM project WHERE id = $1 FOR UPDATE', [id]);
      if (locked.length === 0) return { deleted: false, reason: 'unknown' };
      const count = await countRepositoriesWithManifests(manager, id);
      if (count > 0) return { deleted: false, reason: 'not-empty', repositoryCount: count };
      // Repository rows are the registry's, but rows without manifests (a push that never finished, or what an
      // emptied repository leaves) would keep the project from being deleted (ON DELETE RESTRICT); removing them with
      // the project is the one delete core-api makes in a registry table. Their blob links and upload sessions cascade.
      await manager.query('DELETE FROM repository WHERE project_id = $1', [id]);
      await manager.query('DELETE FROM project WHERE id = $1', [id]);
      return { deleted: true };
    });
  }
}

/** Adds the visibility condition: public projects plus the given ids, unless all are visible. */
function restrictToVisible(qb: SelectQueryBuilder<ProjectEntity>, visibility: ProjectVisibility): void {
  if (visibility === 'all') return;
  if (visibility.length === 0) qb.where('p.public = true');
  else qb.where('(p.public = true OR p.id IN (:...visibleIds))', { visibleIds: visibility });
}

/** Counts a project's repositories that hold at least one manifest. */
async function countRepositoriesWithManifests(manager: EntityManager, projectId: number): Promise<number> {
  const rows = await manager.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM repository r
     WHERE r.project_id = $1 AND EXISTS (SELECT 1 FROM manifest m WHERE m.repository_id = r.id)`,
    [projectId],
  );
  return Number(rows[0]?.count ?? 0);
}
