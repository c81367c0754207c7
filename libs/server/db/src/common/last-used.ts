import { type DataSource } from 'typeorm';
import { rawRowCount } from './raw-row-count';

/** The credential tables that record when a credential was last used. */
export type LastUsedTable = 'robot' | 'personal_access_token';

/**
 * Records a use of a credential unless one was recorded less than `minIntervalMs` ago, so a busy credential costs one
 * write per interval across all replicas; returns whether it wrote.
 */
export async function touchCredentialLastUsed(
  dataSource: DataSource,
  table: LastUsedTable,
  id: number,
  at: Date,
  minIntervalMs: number,
): Promise<boolean> {
  const result: unknown = await dataSource.query(
    `UPDATE ${table} SET last_used_at = $2
     WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - make_interval(secs => $3))`,
    [id, at, minIntervalMs / 1000],
  );
  return rawRowCount(result) > 0;
}
