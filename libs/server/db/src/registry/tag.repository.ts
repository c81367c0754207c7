import { type DataSource } from 'typeorm';

/** One page of a repository's tags, or undefined when the repository does not exist. */
export interface TagPage {
  repositoryId: number;
  /** The page's tag names in byte order as a JSON array, built by Postgres so 2,000 names cost one row, not 2,000. */
  tagsJson: string;
  /** The page's last name when a limit was given (for the Link header), else null. */
  lastTag: string | null;
  /** Whether tags follow the page. */
  more: boolean;
  /** The repository's tags_version the page was read at (same snapshot). */
  tagsVersion: number;
}

/** Queries over tags: the listing of the content discovery API and tag deletion. */
export class TagRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Lists the tags of the named repository after `last` (exclusive; '' from the start), at most `limit` of them (all
   * when null), in one query: the repository by its unique name, then a keyset scan of the unique
   * (repository_id, name) index aggregated into one JSON array, and whether more follow. Returns undefined when the
   * repository does not exist.
   */
  async list(repositoryName: string, last: string, limit: number | null): Promise<TagPage | undefined> {
    // The page is aggregated straight from the index scan; last_tag and more, needed only for a Link, are two more
    // short index scans and are skipped when the whole list is asked for.
    const rows: { id: number; version: string; tags: string; last_tag: string | null; more: boolean }[] =
      await this.dataSource.query(
        `SELECT r.id, r.tags_version AS version,
              (SELECT coalesce(json_agg(s.name ORDER BY s.name), '[]')::text FROM (
                 SELECT t.name FROM tag t WHERE t.repository_id = r.id AND t.name > $2 ORDER BY t.name LIMIT $3
               ) s) AS tags,
              CASE WHEN $3::bigint IS NULL OR $3::bigint = 0 THEN NULL ELSE (
                SELECT t.name FROM tag t WHERE t.repository_id = r.id AND t.name > $2 ORDER BY t.name
                OFFSET $3::bigint - 1 LIMIT 1) END AS last_tag,
              CASE WHEN $3::bigint IS NULL THEN false ELSE EXISTS (
                SELECT 1 FROM tag t WHERE t.repository_id = r.id AND t.name > $2 ORDER BY t.name OFFSET $3::bigint)
              END AS more
       FROM repository r WHERE r.name = $1`,
        [repositoryName, last, limit],
      );
    const row = rows[0];
    if (!row) return undefined;
    return {
      repositoryId: row.id,
      tagsJson: row.tags,
      lastTag: row.last_tag,
      more: row.more,
      tagsVersion: Number(row.version),
    };
  }

  /** Returns the named repository's tags_version, or undefined when it does not exist: one primary-key lookup. */
  async version(repositoryName: string): Promise<number | undefined> {
    const rows: { version: string }[] = await this.dataSource.query(
      'SELECT tags_version AS version FROM repository WHERE name = $1',
      [repositoryName],
    );
    return rows[0] === undefined ? undefined : Number(rows[0].version);
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
