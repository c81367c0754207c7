import { type Logger } from '@berth/common';
import { type JobRepository, JobTrigger, type TaskLease, VendorType } from '@berth/db';
import { enqueueTaskWakeUp, type JobName, type JobResult, QueueName, type TaskWakeUp } from '@berth/queue';
import { type Job, type Queue } from 'bullmq';
import { type AuditRetentionHandler } from '../audit-retention/audit-retention.handler';
import { type TaskRunner, type TaskTuning } from '../tasks/task-runner';
import { type UploadSweepHandler } from '../upload-sweep/upload-sweep.handler';

type Maintenance = typeof QueueName.Maintenance;

/** The BullMQ job scheduler ids of the maintenance queue; every worker upserts them, BullMQ fires each tick once. */
export const MaintenanceSchedule = {
  UploadSweep: 'upload-sweep',
  TaskReclaim: 'task-reclaim',
  AuditRetention: 'audit-retention',
} as const;

/** How often the audit log retention runs: hourly, so the log never holds much more than the retention allows. */
export const AUDIT_RETENTION_INTERVAL_MS = 60 * 60_000;

/** The job that wakes a worker for a task of each kind, so the reclaim pass can wake any kind this worker runs. */
const WAKE_UP_JOB: Record<VendorType, JobName<Maintenance>> = {
  [VendorType.UploadSweep]: 'upload-sweep',
  [VendorType.AuditLogRetention]: 'audit-retention',
};

/** Tasks woken per reclaim pass; more wait for the next pass, a reclaim interval later. */
const RECLAIM_BATCH_SIZE = 100;

/** Milliseconds per minute, for the configured sweep interval. */
const MS_PER_MINUTE = 60_000;

/** Schedule ticks BullMQ keeps: none once done (executions in Postgres record each run), the last 100 failures. */
const TICK_JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 100 };

/**
 * Handles the maintenance queue: schedule ticks that write an execution and its task before waking a worker, wake-ups
 * that run a task through the TaskRunner, and the reclaim pass that wakes workers for tasks that are due again or
 * whose worker died.
 */
export class MaintenanceProcessor {
  constructor(
    private readonly jobs: JobRepository,
    private readonly queue: Queue,
    private readonly runner: TaskRunner,
    private readonly uploadSweep: UploadSweepHandler,
    private readonly auditRetention: AuditRetentionHandler,
    private readonly tuning: TaskTuning,
    private readonly logger: Logger,
  ) {}

  /** Registers the schedules (idempotent: every worker does it at start, and the last settings win). */
  async schedule(uploadSweepIntervalMinutes: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      MaintenanceSchedule.UploadSweep,
      { every: uploadSweepIntervalMinutes * MS_PER_MINUTE },
      { name: 'upload-sweep-tick', data: {}, opts: TICK_JOB_OPTIONS },
    );
    await this.queue.upsertJobScheduler(
      MaintenanceSchedule.AuditRetention,
      { every: AUDIT_RETENTION_INTERVAL_MS },
      { name: 'audit-retention-tick', data: {}, opts: TICK_JOB_OPTIONS },
    );
    await this.queue.upsertJobScheduler(
      MaintenanceSchedule.TaskReclaim,
      { every: this.tuning.reclaimIntervalMs },
      { name: 'task-reclaim', data: {}, opts: TICK_JOB_OPTIONS },
    );
  }

  /** Processes one job of the maintenance queue. */
  async process(job: Job): Promise<JobResult<Maintenance, JobName<Maintenance>>> {
    switch (job.name) {
      case 'upload-sweep-tick':
        return { executionId: await this.startUploadSweep(JobTrigger.Schedule) };
      case 'upload-sweep':
        return this.runner.run((job.data as TaskWakeUp).taskId, this.uploadSweep);
      case 'task-reclaim':
        return this.reclaim();
      case 'audit-retention-tick':
        return { executionId: await this.startAuditRetention(JobTrigger.Schedule) };
      case 'audit-retention':
        return this.runner.run((job.data as TaskWakeUp).taskId, this.auditRetention);
      default:
        throw new Error(`unknown job ${job.name} on queue ${QueueName.Maintenance}`);
    }
  }

  /**
   * Writes an upload sweep execution with its one task and wakes a worker for it; returns the execution id, or null
   * when a sweep is still pending or running (one at a time is enough).
   */
  startUploadSweep(trigger: JobTrigger, requestId?: string): Promise<number | null> {
    return this.startSingleTask(VendorType.UploadSweep, trigger, requestId);
  }

  /**
   * Writes an audit log retention execution with its one task and wakes a worker for it; returns the execution id, or
   * null while one is still pending or running.
   */
  startAuditRetention(trigger: JobTrigger, requestId?: string): Promise<number | null> {
    return this.startSingleTask(VendorType.AuditLogRetention, trigger, requestId);
  }

  /** Writes an execution of a one-task job kind unless one is active, then wakes a worker for its task. */
  private async startSingleTask(
    vendorType: VendorType,
    trigger: JobTrigger,
    requestId?: string,
  ): Promise<number | null> {
    const created = await this.jobs.createExecution(
      { vendorType, trigger, tasks: [{ maxAttempts: this.tuning.maxAttempts }] },
      { unlessActive: true },
    );
    if (!created) {
      this.logger.info({ vendorType, trigger }, 'job not started: another one of its kind is still active');
      return null;
    }
    const [taskId] = created.taskIds;
    await enqueueTaskWakeUp(
      this.queue,
      WAKE_UP_JOB[vendorType],
      { executionId: created.executionId, taskId: taskId!, requestId },
      { attempts: 0 },
    );
    this.logger.info({ vendorType, executionId: created.executionId, taskId, trigger }, 'job started');
    return created.executionId;
  }

  /** Sends the wake-up for a task's next attempt (after a failed one). */
  readonly wake = async (lease: TaskLease, attempts: number, delayMs: number): Promise<void> => {
    await enqueueTaskWakeUp(
      this.queue,
      WAKE_UP_JOB[lease.vendorType as VendorType],
      { executionId: lease.executionId, taskId: lease.taskId },
      { attempts, delayMs },
    );
  };

  /**
   * Ends tasks whose worker died on their last attempt, and wakes workers for tasks that are due: retries whose wake-up
   * was lost, deferred tasks, and tasks whose worker died with attempts left (their lease ran out).
   */
  private async reclaim(): Promise<JobResult<Maintenance, 'task-reclaim'>> {
    const failed = await this.jobs.failAbandonedTasks();
    const due = await this.jobs.findDueTasks(Object.keys(WAKE_UP_JOB), RECLAIM_BATCH_SIZE);
    for (const task of due) {
      await enqueueTaskWakeUp(
        this.queue,
        WAKE_UP_JOB[task.vendorType as VendorType],
        { executionId: task.executionId, taskId: task.taskId },
        { attempts: task.attempts },
      );
    }
    if (failed > 0 || due.length > 0) this.logger.info({ failed, woken: due.length }, 'tasks reclaimed');
    return { woken: due.length, failed };
  }
}
