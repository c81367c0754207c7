import { type DataSource, type SelectQueryBuilder } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { rawRowCount } from '../common/raw-row-count';
import { AuditLogEntity } from './audit-log.entity';

/** The fields of a new audit entry; time and id are set by the database. */
export type NewAuditLog = Omit<AuditLogEntity, 'id' | 'opTime'> & { opTime?: Date };

/** The alias of the audit_log table in list queries, for the SQL expressions of a refinement's field map. */
export const AUDIT_LOG_LIST_ALIAS = 'a';

/** Which entries a list covers before the request's own filters. */
export interface AuditLogListScope {
  /** Only the entries of this project. */
  projectId?: number;
}

/** Adds a request's filters, order and page to a list query (the API layer's q/sort/page helpers). */
export type AuditLogListRefinement = (qb: SelectQueryBuilder<AuditLogEntity>) => void;

/** Queries over the audit log. */
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends entries in one statement. */
  async insertMany(entries: readonly NewAuditLog[]): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntity)
      .values(entries as QueryDeepPartialEntity<AuditLogEntity>[])
      .execute();
  }

  /** Lists one page of entries in a scope, refined by the request's filters, order and page, with the total. */
  async list(
    scope: AuditLogListScope,
    refine: AuditLogListRefinement,
  ): Promise<{ items: AuditLogEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder(AUDIT_LOG_LIST_ALIAS);
    if (scope.projectId !== undefined) {
      qb.andWhere(`${AUDIT_LOG_LIST_ALIAS}.project_id = :scopeProjectId`, { scopeProjectId: scope.projectId });
    }
    refine(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /**
   * Deletes up to `limit` entries older than `cutoff`, oldest first, and returns how many went. Callers loop until it
   * returns less than `limit`, so one purge never holds a huge delete in one transaction.
   */
  async deleteOlderThan(cutoff: Date, limit: number): Promise<number> {
    const result: unknown = await this.dataSource.query(
      `DELETE FROM audit_log WHERE id IN (
         SELECT id FROM audit_log WHERE op_time < $1 ORDER BY op_time LIMIT $2
       )`,
      [cutoff, limit],
    );
    return rawRowCount(result);
  }
}
