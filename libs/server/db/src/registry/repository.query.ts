import { type DataSource } from 'typeorm';
import { type ProjectVisibility, type QueryRefiner, type RowPage } from '../project/project.repository';
import { RepositoryEntity } from './repository.entity';

/** A repository as the REST API shows it. */
export interface RepositoryView {
  id: number;
  projectId: number;
  /** The full name, project included (`library/alpine`). */
  name: string;
  description: string;
  pullCount: number;
  /** Manifests not listed by an index of the repository (an index's children show inside it). */
  artifactCount: number;
  createdAt: Date;
  /** When the repository last changed: its newest manifest push, or its own update time. */
  updatedAt: Date;
}

/** A repository found by search, with its project. */
export interface RepositorySearchRow extends RepositoryView {
  projectName: string;
  projectPublic: boolean;
}

/** Counts the artifacts of repository `r`: its manifests that no index of it lists. */
const ARTIFACT_COUNT_SQL = `(SELECT count(*) FROM manifest m WHERE m.repository_id = r.id
  AND NOT EXISTS (SELECT 1 FROM manifest_reference mr WHERE mr.child_id = m.id))`;

/** The repository's last change: its newest manifest push, or its own update time. */
const UPDATE_TIME_SQL =
  '(SELECT greatest(max(m.pushed_at), r.updated_at) FROM manifest m WHERE m.repository_id = r.id)';

/** Where the keys of the repository list live in SQL (`r` is the repository). */
export const REPOSITORY_LIST_FIELDS = {
  id: 'r.id',
  name: 'r.name',
  pull_count: 'r.pull_count',
  artifact_count: ARTIFACT_COUNT_SQL,
  creation_time: 'r.created_at',
  update_time: UPDATE_TIME_SQL,
} as const;

/** Raw columns of a repository view row. */
interface RawRepositoryRow {
  id: number;
  project_id: number;
  name: string;
  description: string;
  pull_count: string;
  artifact_count: string;
  created_at: Date;
  update_time: Date;
  project_name?: string;
  project_public?: boolean;
}

function toView(row: RawRepositoryRow): RepositoryView {
  return {
    id: Number(row.id),
    projectId: Number(row.project_id),
    name: row.name,
    description: row.description,
    pullCount: Number(row.pull_count),
    artifactCount: Number(row.artifact_count),
    createdAt: row.created_at,
    updatedAt: row.update_time,
  };
}

/**
 * Read-side queries over the registry's repositories for the REST API. A repository exists for the API once it holds
 * a manifest, as in Harbor: a repository row with none is a push in progress or what a delete left behind. The
 * registry is the writer of these rows; the one column core-api writes is the description.
 */
export class RepositoryQuery {
  constructor(private readonly dataSource: DataSource) {}

  private base() {
    return this.dataSource
      .getRepository(RepositoryEntity)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .addSelect('r.project_id', 'project_id')
      .addSelect('r.name', 'name')
      .addSelect('r.description', 'description')
      .addSelect('r.pull_count', 'pull_count')
      .addSelect(ARTIFACT_COUNT_SQL, 'artifact_count')
      .addSelect('r.created_at', 'created_at')
      .addSelect(UPDATE_TIME_SQL, 'update_time')
      .where('EXISTS (SELECT 1 FROM manifest m WHERE m.repository_id = r.id)');
  }

  /** Lists a project's repositories, narrowed, ordered and paged by `refine` over REPOSITORY_LIST_FIELDS. */
  async listInProject(projectId: number, refine: QueryRefiner<RepositoryEntity>): Promise<RowPage<RepositoryView>> {
    const qb = this.base().andWhere('r.project_id = :projectId', { projectId });
    refine(qb);
    const [rows, total] = await Promise.all([qb.getRawMany<RawRepositoryRow>(), qb.getCount()]);
    return { items: rows.map(toView), total };
  }

  /** Finds a repository of a project by its full name. */
  async findInProject(projectId: number, name: string): Promise<RepositoryView | undefined> {
    const row = await this.base()
      .andWhere('r.project_id = :projectId', { projectId })
      .andWhere('r.name = :name', { name })
      .getRawOne<RawRepositoryRow>();
    return row && toView(row);
  }

  /** Finds repositories of visible projects whose name contains a text (case-insensitive), by name, at most `limit`. */
  async searchVisible(visibility: ProjectVisibility, text: string, limit: number): Promise<RepositorySearchRow[]> {
    const qb = this.base()
      .innerJoin('r.project', 'p')
      .addSelect('p.name', 'project_name')
      .addSelect('p.public', 'project_public')
      .andWhere("r.name ILIKE :text ESCAPE '\\'", { text: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (visibility !== 'all') {
      if (visibility.length === 0) qb.andWhere('p.public = true');
      else qb.andWhere('(p.public = true OR p.id IN (:...visibleIds))', { visibleIds: visibility });
    }
    const rows = await qb.orderBy('r.name', 'ASC').limit(limit).getRawMany<RawRepositoryRow>();
    return rows.map((row) => ({
      ...toView(row),
      projectName: row.project_name ?? '',
      projectPublic: row.project_public ?? false,
    }));
  }

  /**
   * Lists the digests of a repository's manifests newest first. The registry accepts an index only after the
   * manifests it lists, so deleting in this order never meets a manifest that an index still lists.
   */
  async manifestDigestsParentsFirst(repositoryId: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ digest: string }[]>(
      'SELECT m.digest FROM manifest m WHERE m.repository_id = $1 ORDER BY m.id DESC',
      [repositoryId],
    );
    return rows.map((row) => row.digest);
  }

  /**
   * Sets a repository's description. This is the one column of the registry's tables that core-api writes: it is
   * Harbor's user-facing note, not registry state, and the registry never reads it.
   */
  async updateDescription(repositoryId: number, description: string): Promise<void> {
    await this.dataSource.query('UPDATE repository SET description = $2 WHERE id = $1', [repositoryId, description]);
  }
}
