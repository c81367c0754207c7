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

  /** Lists names like listNames, restricted to the repositories of the named projects (a caller's catalog). */
  async listNamesInProjects(projects: readonly string[], last: string, limit: number): Promise<string[]> {
    if (projects.length === 0) return [];
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT r.name FROM repository r JOIN project p ON p.id = r.project_id
       WHERE p.name = ANY($1) AND r.name > $2 ORDER BY r.name LIMIT $3`,
      [projects, last, limit],
    );
    return rows.map((r) => r.name);
  }

  /**
   * Unlinks a blob from the repository, so the repository no longer serves it; the blob row and its bytes stay for
   * garbage collection. A blob that a manifest of the repository references stays linked, and those manifests'
   * digests are returned instead, so no manifest is left pointing at a blob its repository cannot serve.
   */
  async unlinkBlob(repositoryId: number, digest: string): Promise<UnlinkBlobResult> {
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE conflicts with the FOR KEY SHARE a manifest push takes on the links it references.
      const links: { blob_id: string }[] = await manager.query(
        `SELECT rb.blob_id FROM repository_blob rb JOIN blob b ON b.id = rb.blob_id
         WHERE rb.repository_id = $1 AND b.digest = $2 FOR UPDATE OF rb`,
        [repositoryId, digest],
      );
      if (links.length === 0) return { unlinked: false, referencedBy: [] };
      const referencing: { digest: string }[] = await manager.query(
        `SELECT m.digest FROM manifest_blob mb JOIN manifest m ON m.id = mb.manifest_id
         WHERE mb.blob_id = $1 AND m.repository_id = $2 ORDER BY m.digest LIMIT $3`,
        [links[0]!.blob_id, repositoryId, MAX_REPORTED_REFERENCES],
      );
      if (referencing.length > 0) return { unlinked: false, referencedBy: referencing.map((r) => r.digest) };
      await manager.query('DELETE FROM repository_blob WHERE repository_id = $1 AND blob_id = $2', [
        repositoryId,
        links[0]!.blob_id,
      ]);
      return { unlinked: true, referencedBy: [] };
    });
  }
}

/** Manifests named in a refused blob delete: enough to act on, bounded so the error stays small. */
const MAX_REPORTED_REFERENCES = 10;

/** What unlinkBlob did: unlinked, or not because the blob was not linked or is still referenced. */
export interface UnlinkBlobResult {
  unlinked: boolean;
  /** Digests of manifests of the repository that reference the blob (when it was kept for them). */
  referencedBy: string[];
}
