import { type DataSource, type EntityManager } from 'typeorm';

/** A blob as one repository sees it. */
export interface LinkedBlobRow {
  id: number;
  digest: string;
  size: number;
}

/** Queries over blobs and their links into repositories. */
export class BlobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finds a blob by digest if it is linked into the repository. */
  async findLinked(repositoryId: number, digest: string): Promise<LinkedBlobRow | undefined> {
    return (await this.findLinkedMany(repositoryId, [digest]))[0];
  }

  /**
   * Finds those of the digests that are blobs linked into the repository. Inside a transaction, `lockLinks` holds the
   * links (FOR KEY SHARE) until commit, so a concurrent DELETE of one of those blobs waits and then sees the reference.
   */
  async findLinkedMany(
    repositoryId: number,
    digests: readonly string[],
    manager: EntityManager = this.dataSource.manager,
    lockLinks = false,
  ): Promise<LinkedBlobRow[]> {
    if (digests.length === 0) return [];
    const rows: { id: string; digest: string; size: string }[] = await manager.query(
      `SELECT b.id, b.digest, b.size FROM repository_blob rb JOIN blob b ON b.id = rb.blob_id
       WHERE rb.repository_id = $1 AND b.digest = ANY($2::varchar[])${lockLinks ? ' FOR KEY SHARE OF rb' : ''}`,
      [repositoryId, digests],
    );
    return rows.map((r) => ({ id: Number(r.id), digest: r.digest, size: Number(r.size) }));
  }

  /**
   * Links a blob into the repository if it is linked into `fromRepositoryId` (a cross-repository mount), and returns
   * it; returns undefined, linking nothing, when the source repository has no such blob.
   */
  async linkFrom(repositoryId: number, digest: string, fromRepositoryId: number): Promise<LinkedBlobRow | undefined> {
    const rows: { id: string; digest: string; size: string }[] = await this.dataSource.query(
      `WITH source AS (
         SELECT b.id, b.digest, b.size FROM repository_blob rb JOIN blob b ON b.id = rb.blob_id
         WHERE rb.repository_id = $3 AND b.digest = $2
       ), linked AS (
         INSERT INTO repository_blob (repository_id, blob_id) SELECT $1, id FROM source ON CONFLICT DO NOTHING
       )
       SELECT id, digest, size FROM source`,
      [repositoryId, digest, fromRepositoryId],
    );
    return rows[0] && { id: Number(rows[0].id), digest: rows[0].digest, size: Number(rows[0].size) };
  }

  /** Records a stored blob (once per digest) and links it into the repository; concurrent calls do not conflict. */
  async upsertAndLink(repositoryId: number, digest: string, size: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        'INSERT INTO blob (digest, size) VALUES ($1, $2) ON CONFLICT (digest) DO NOTHING RETURNING id',
        [digest, size],
      );
      const blobId = inserted[0]
        ? Number(inserted[0].id)
        : Number((await manager.query('SELECT id FROM blob WHERE digest = $1', [digest]))[0].id);
      await manager.query(
        'INSERT INTO repository_blob (repository_id, blob_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [repositoryId, blobId],
      );
      return blobId;
    });
  }
}
