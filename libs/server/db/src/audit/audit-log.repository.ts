import { type DataSource } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLogEntity } from './audit-log.entity';

/** The fields of a new audit entry; time and id are set by the database. */
export type NewAuditLog = Omit<AuditLogEntity, 'id' | 'opTime'> & { opTime?: Date };

/** Queries over the audit log. */
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends entries in one statement. */
  async insertMany(entries: readonly NewAuditLog[]): Promise<void> {
    if (entries.length === 0) return;
    await this.dataSource.createQueryBuilder().insert().into(AuditLogEntity).values(entries as QueryDeepPartialEntity<AuditLogEntity>[]).execute();
  }
}
