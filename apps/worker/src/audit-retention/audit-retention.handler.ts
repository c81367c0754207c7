import { type Logger } from '@berth/common';
import { type AuditLogRepository, type ConfigurationRepository, type TaskLease, VendorType } from '@berth/db';
import { type TaskHandler, type TaskHandlerResult } from '../tasks/task-runner';

/** The configuration key of the retention, in days; 0 keeps every entry. Written by core-api's /configurations. */
export const AUDIT_LOG_RETENTION_KEY = 'audit_log_retention_days';

/** The largest retention core-api accepts (100 years); a stored value outside 0..this is ignored, as core-api does. */
const MAX_RETENTION_DAYS = 36_500;

/** Entries deleted per statement: bounds each transaction's size and lock time on a large log. */
const DELETE_BATCH_SIZE = 10_000;

/** Milliseconds per day. */
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Reads a stored retention setting: an integer within limits, else 0 (keep), the default. */
export function retentionDays(stored: unknown): number {
  return Number.isInteger(stored) && (stored as number) >= 0 && (stored as number) <= MAX_RETENTION_DAYS
    ? (stored as number)
    : 0;
}

/** Deletes audit log entries older than `audit_log_retention_days`; with 0 it keeps everything. */
export class AuditRetentionHandler implements TaskHandler {
  readonly vendorType = VendorType.AuditLogRetention;

  constructor(
    private readonly configuration: ConfigurationRepository,
    private readonly auditLogs: AuditLogRepository,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Purges once and returns the counts to record. */
  async run(lease: TaskLease, signal: AbortSignal): Promise<TaskHandlerResult> {
    const days = retentionDays(await this.configuration.get<unknown>(AUDIT_LOG_RETENTION_KEY, 0));
    let deleted = 0;
    let cutoff: Date | null = null;
    if (days > 0) {
      cutoff = new Date(this.now().getTime() - days * MS_PER_DAY);
      for (;;) {
        signal.throwIfAborted();
        const count = await this.auditLogs.deleteOlderThan(cutoff, DELETE_BATCH_SIZE);
        deleted += count;
        if (count < DELETE_BATCH_SIZE) break;
      }
    }
    const attrs = { retentionDays: days, deleted, cutoff: cutoff?.toISOString() ?? null };
    this.logger.info({ taskId: lease.taskId, executionId: lease.executionId, ...attrs }, 'audit log retention done');
    return { extraAttrs: attrs, executionAttrs: attrs };
  }
}
