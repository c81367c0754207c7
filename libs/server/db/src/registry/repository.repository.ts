import { type DataSource } from 'typeorm';

/** The columns of a repository row that the registry works with. */
export interface RepositoryRow {
  id: number;
  projectId: number;
  name: string;
}

/** Queries over the repository aggregate (the `<name>` of the distribution API). */
export class RepositoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a repository by its full name. */
  async findByName(name: string): Promise<RepositoryRow | undefined> {
    const rows: RepositoryRow[] = await this.dataSource.query(
      'SELECT id, project_id AS "projectId", name FROM repository WHERE name = $1',
      [name],
    );
    return rows[0];
  }

  /** Returns the id of the project with that name, or undefined when there is none. */
  async findProjectId(projectName: string): Promise<number | undefined> {
    const rows: { id: number }[] = await this.dataSource.query('SELECT id FROM project WHERE name = $1', [projectName]);
    return rows[0]?.id;
  }

  /** Creates the repository in a project unless it exists, and returns it either way (safe under concurrent pushes). */
  async createIfAbsent(name: string, projectId: number): Promise<RepositoryRow> {
    const inserted: RepositoryRow[] = await this.dataSource.query(
      `INSERT INTO repository (project_id, name) VALUES ($1, $2)
       ON CONFLICT (name) DO NOTHING
       RETURNING id, project_id AS "projectId", name`,
      [projectId, name],
    );
    if (inserted[0]) return inserted[0];
    const existing = await this.findByName(name);
    if (!existing) throw new Error(`repository ${name} vanished while being created`);
    return existing;
  }

  /**
   * Lists repository names after `last` (exclusive; '' from the start), at most `limit`, in byte order: one keyset
   * scan of the unique name index.
   */
  async listNames(last: string, limit: number): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      'SELECT name FROM repository WHERE name > $1 ORDER BY name LIMIT $2',
      [last, limit],
    );
    return rows.map((r) => r.name);
  }

  /**
   * Unlinks a blob from the repository, so the repository no longer serves it; the blob row and its bytes stay for
   * garbage collection. Returns whether the blob was linked.
   */
  async unlinkBlob(repositoryId: number, digest: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM repository_blob rb USING blob b
       WHERE rb.blob_id = b.id AND rb.repository_id = $1 AND b.digest = $2`,
      [repositoryId, digest],
    );
    return affected > 0;
  }
}
