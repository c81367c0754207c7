import { type DataSource } from 'typeorm';

/** The columns of an upload session row that the registry works with. */
export interface UploadRow {
  id: string;
  repositoryId: number;
  size: number;
  expiresAt: Date;
}

/** Queries over blob upload sessions. */
export class UploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates an upload session for a repository that expires at the given time. */
  async create(id: string, repositoryId: number, expiresAt: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO upload (id, repository_id, expires_at) VALUES ($1, $2, $3)', [
      id,
      repositoryId,
      expiresAt,
    ]);
  }

  /** Finds an upload session of the repository that has not expired at `now`; the id must already be a valid UUID. */
  async findActive(id: string, repositoryId: number, now: Date): Promise<UploadRow | undefined> {
    const rows: { id: string; repositoryId: number; size: string; expiresAt: Date }[] = await this.dataSource.query(
      `SELECT id, repository_id AS "repositoryId", size, expires_at AS "expiresAt" FROM upload
       WHERE id = $1 AND repository_id = $2 AND expires_at > $3`,
      [id, repositoryId, now],
    );
    return rows[0] && { ...rows[0], size: Number(rows[0].size) };
  }

  /** Records how many bytes a session has received. */
  async updateSize(id: string, size: number): Promise<void> {
    await this.dataSource.query('UPDATE upload SET size = $2, updated_at = now() WHERE id = $1', [id, size]);
  }

  /** Deletes an upload session; returns whether it existed. */
  async delete(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query('DELETE FROM upload WHERE id = $1', [id]);
    return affected > 0;
  }
}
