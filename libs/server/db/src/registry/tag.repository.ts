import { type DataSource } from 'typeorm';

/** One page of a repository's tags, or undefined when the repository does not exist. */
export interface TagPage {
  repositoryId: number;
  /** Tag names in byte order, at most the requested limit. */
  tags: string[];
}

/** Queries over tags: the listing of the content discovery API and tag deletion. */
export class TagRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Lists the tags of the named repository after `last` (exclusive; '' from the start), at most `limit` of them (all
   * when null), in one query: the repository by its unique name, then a keyset scan of the unique
   * (repository_id, name) index. Returns undefined when the repository does not exist.
   */
  async list(repositoryName: string, last: string, limit: number | null): Promise<TagPage | undefined> {
    const rows: { id: number; name: string | null }[] = await this.dataSource.query(
      `SELECT r.id, t.name FROM repository r
       LEFT JOIN LATERAL (
         SELECT name FROM tag WHERE repository_id = r.id AND name > $2 ORDER BY name LIMIT $3
       ) t ON true
       WHERE r.name = $1`,
      [repositoryName, last, limit],
    );
    if (rows.length === 0) return undefined;
    return { repositoryId: rows[0].id, tags: rows.flatMap((r) => (r.name === null ? [] : [r.name])) };
  }

  /** Deletes a tag of the repository (the manifest stays); returns whether it existed. */
  async delete(repositoryId: number, name: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM tag WHERE repository_id = $1 AND name = $2',
      [repositoryId, name],
    );
    return affected > 0;
  }
}
