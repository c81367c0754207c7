import { type Logger } from '@berth/common';
import { type TaskLease, type UploadRepository, VendorType } from '@berth/db';
import { type BlobDriver } from '@berth/storage';
import { type TaskHandler, type TaskHandlerResult } from '../tasks/task-runner';

/** Sessions handled per round trip to Postgres: bounds memory and keeps each query's id list short. */
const SWEEP_BATCH_SIZE = 100;

/** Milliseconds per minute, for the TTL. */
const MS_PER_MINUTE = 60_000;

/** What one upload sweep did; recorded in the task's and the execution's extra_attrs. */
export interface UploadSweepCounts {
  /** Expired upload sessions whose row and bytes were removed. */
  expiredSessions: number;
  /** Session bytes in storage, older than the TTL, that no upload row named. */
  orphansRemoved: number;
  /** The bytes storage held for both, as it reported them just before they were removed. */
  bytesFreed: number;
}

/**
 * Removes abandoned upload sessions: first every session whose row has expired and no request holds (the row, then its
 * bytes, so a session is never half-gone while the registry could still serve it; a crash in between leaves bytes
 * without a row, which the second step removes), then session bytes that storage holds without a row, once they are
 * older than the upload TTL (a younger one may belong to a session whose row is being written).
 */
export class UploadSweepHandler implements TaskHandler {
  readonly vendorType = VendorType.UploadSweep;

  constructor(
    private readonly uploads: UploadRepository,
    private readonly blobs: BlobDriver,
    private readonly ttlMinutes: number,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  /** Sweeps once and returns the counts to record. */
  async run(lease: TaskLease, signal: AbortSignal): Promise<TaskHandlerResult> {
    const counts: UploadSweepCounts = { expiredSessions: 0, orphansRemoved: 0, bytesFreed: 0 };
    await this.sweepExpired(counts, signal);
    await this.sweepOrphans(counts, signal);
    this.logger.info({ taskId: lease.taskId, executionId: lease.executionId, ...counts }, 'upload sweep done');
    const attrs = { ...counts, ttlMinutes: this.ttlMinutes };
    return { extraAttrs: attrs, executionAttrs: attrs };
  }

  private async sweepExpired(counts: UploadSweepCounts, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.now();
      const expired = await this.uploads.findExpired(now, SWEEP_BATCH_SIZE);
      let deleted = 0;
      for (const uploadId of expired) {
        signal.throwIfAborted();
        // A session a request still holds stays (and comes back in the next batch or the next sweep).
        if (!(await this.uploads.deleteIfExpired(uploadId, now))) continue;
        await this.removeBytes(uploadId, counts);
        counts.expiredSessions += 1;
        deleted += 1;
      }
      if (expired.length < SWEEP_BATCH_SIZE || deleted === 0) return;
    }
  }

  private async sweepOrphans(counts: UploadSweepCounts, signal: AbortSignal): Promise<void> {
    const cutoff = this.now().getTime() - this.ttlMinutes * MS_PER_MINUTE;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      // Postgres prints UUIDs in lower case, whatever case storage lists them in.
      const existing = new Set((await this.uploads.findExisting(batch)).map((id) => id.toLowerCase()));
      for (const uploadId of batch) {
        if (existing.has(uploadId.toLowerCase())) continue;
        signal.throwIfAborted();
        await this.removeBytes(uploadId, counts);
        counts.orphansRemoved += 1;
      }
      batch = [];
    };
    for await (const { uploadId, modifiedAt } of this.blobs.listUploads()) {
      signal.throwIfAborted();
      if (modifiedAt.getTime() >= cutoff) continue;
      batch.push(uploadId);
      if (batch.length >= SWEEP_BATCH_SIZE) await flush();
    }
    if (batch.length > 0) await flush();
  }

  private async removeBytes(uploadId: string, counts: UploadSweepCounts): Promise<void> {
    counts.bytesFreed += await this.blobs.uploadSize(uploadId);
    await this.blobs.abortUpload(uploadId);
  }
}
