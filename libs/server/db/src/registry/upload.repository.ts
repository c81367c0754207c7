import { type DataSource } from 'typeorm';

/** The columns of an upload session row that the registry works with. */
export interface UploadRow {
  id: string;
  repositoryId: number;
  size: number;
  expiresAt: Date;
}

/** The outcome of trying to hold a session for one request. */
export type UploadClaim =
  | { status: 'claimed'; upload: UploadRow; token: string }
  | { status: 'busy'; upload: UploadRow }
  | { status: 'unknown' };

interface RawUploadRow {
  id: string;
  repositoryId: number;
  size: string;
  expiresAt: Date;
}

/** Session ids are UUIDs (the column's type); anything else cannot name a session. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = `id, repository_id AS "repositoryId", size, expires_at AS "expiresAt"`;

function toRow(raw: RawUploadRow): UploadRow {
  return { ...raw, size: Number(raw.size) };
}

/**
 * Queries over blob upload sessions. Times that decide expiry and leases come from the database's clock, so replicas
 * with skewed clocks agree.
 */
export class UploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates an upload session for a repository that expires `ttlMs` from now, owned by a token subject (or none). */
  async create(id: string, repositoryId: number, ttlMs: number, owner: string | null = null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO upload (id, repository_id, expires_at, owner)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond', $4)`,
      [id, repositoryId, ttlMs, owner],
    );
  }

  /**
   * Returns the owner (the token subject that opened it) of a live session of the named repository: null for a session
   * opened without one, undefined when there is no such live session.
   */
  async findOwner(id: string, repositoryName: string): Promise<string | null | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows: { owner: string | null }[] = await this.dataSource.query(
      `SELECT u.owner FROM upload u JOIN repository r ON r.id = u.repository_id
       WHERE u.id = $1 AND r.name = $2 AND u.expires_at > now()`,
      [id, repositoryName],
    );
    return rows[0]?.owner;
  }

  /** Finds an upload session of the repository that has not expired; the id must already be a valid UUID. */
  async findActive(id: string, repositoryId: number): Promise<UploadRow | undefined> {
    const rows: RawUploadRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM upload WHERE id = $1 AND repository_id = $2 AND expires_at > now()`,
      [id, repositoryId],
    );
    return rows[0] && toRow(rows[0]);
  }

  /**
   * Holds a live session of the repository for one request for `leaseMs` (renewable), unless another request holds
   * it: one conditional UPDATE, so two replicas can never both win.
   */
  async claim(id: string, repositoryId: number, token: string, leaseMs: number): Promise<UploadClaim> {
    const [rows]: [RawUploadRow[], number] = await this.dataSource.query(
      `UPDATE upload SET lease_token = $3, lease_until = now() + $4 * interval '1 millisecond'
       WHERE id = $1 AND repository_id = $2 AND expires_at > now() AND (lease_until IS NULL OR lease_until <= now())
       RETURNING ${COLUMNS}`,
      [id, repositoryId, token, leaseMs],
    );
    if (rows[0]) return { status: 'claimed', upload: toRow(rows[0]), token };
    const upload = await this.findActive(id, repositoryId);
    return upload ? { status: 'busy', upload } : { status: 'unknown' };
  }

  /** Extends a hold for another `leaseMs`; returns false when the hold was lost (it lapsed and another request took it). */
  async renew(id: string, token: string, leaseMs: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE upload SET lease_until = now() + $3 * interval '1 millisecond' WHERE id = $1 AND lease_token = $2`,
      [id, token, leaseMs],
    );
    return affected > 0;
  }

  /** Ends a hold, recording the session's size and pushing its expiry `ttlMs` past this activity. */
  async release(id: string, token: string, size: number, ttlMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE upload SET lease_token = NULL, lease_until = NULL, size = $3,
         expires_at = now() + $4 * interval '1 millisecond', updated_at = now()
       WHERE id = $1 AND lease_token = $2`,
      [id, token, size, ttlMs],
    );
  }

  /** Deletes an upload session; returns whether it existed. */
  async delete(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query('DELETE FROM upload WHERE id = $1', [id]);
    return affected > 0;
  }

  /** Returns up to `limit` ids of sessions that expired before `now`, oldest first (for the sweeper). */
  async findExpired(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM upload WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2',
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Deletes a session only if it expired before `now` and no request holds it; returns whether it was deleted. */
  async deleteIfExpired(id: string, now: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM upload WHERE id = $1 AND expires_at <= $2 AND (lease_until IS NULL OR lease_until <= now())`,
      [id, now],
    );
    return affected > 0;
  }

  /** Returns which of the ids still have a session row (to tell orphaned storage sessions from live ones). */
  async findExisting(ids: readonly string[]): Promise<string[]> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM upload WHERE id = ANY($1::uuid[])', [
      uuids,
    ]);
    return rows.map((row) => row.id);
  }
}
