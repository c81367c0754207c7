import { type Logger } from '@berth/common';
import { JobStatus, type JobRepository, type TaskLease } from '@berth/db';
import { type TaskRunResult } from '@berth/queue';

/** Timings of task leases, retries and reclaims. The defaults suit production; tests shorten them. */
export interface TaskTuning {
  /** How long a claim holds without renewal: long enough to ride out a slow storage call or a GC pause. */
  leaseMs: number;
  /** How often one worker looks for tasks that are due or whose worker died, and wakes workers for them. */
  reclaimIntervalMs: number;
  /** How many claims a task gets before it ends in Error. */
  maxAttempts: number;
  /** The wait before the second attempt; it doubles for each later one, up to retryMaxDelayMs. */
  retryBaseDelayMs: number;
  /** The longest wait between attempts. */
  retryMaxDelayMs: number;
  /** How long a task waits when another run of its kind and policy holds the run lock. */
  lockBusyDelayMs: number;
}

/** Production timings: a one-minute lease renewed every 20 s, a reclaim pass a minute, three attempts 30 s and 60 s apart. */
export const DEFAULT_TASK_TUNING: TaskTuning = {
  leaseMs: 60_000,
  reclaimIntervalMs: 60_000,
  maxAttempts: 3,
  retryBaseDelayMs: 30_000,
  retryMaxDelayMs: 15 * 60_000,
  lockBusyDelayMs: 60_000,
};

/** A lease is renewed three times per lease period, so one missed renewal never loses it. */
const RENEWALS_PER_LEASE = 3;

/** What a handler records when its task succeeds. */
export interface TaskHandlerResult {
  /** Merged into the task's extra_attrs. */
  extraAttrs: Record<string, unknown>;
  /** Merged into the execution's extra_attrs. */
  executionAttrs?: Record<string, unknown>;
}

/** The work of one job kind, run by TaskRunner for a claimed task under the kind's run lock. */
export interface TaskHandler {
  /** The VendorType of the tasks this handler runs. */
  readonly vendorType: string;

  /** Does the task's work and returns what to record; throws to fail the attempt; stops early once `signal` aborts. */
  run(lease: TaskLease, signal: AbortSignal): Promise<TaskHandlerResult>;
}

/** Sends the wake-up call for a task's next attempt. */
export type WakeTask = (lease: TaskLease, attempts: number, delayMs: number) => Promise<void>;

/** The wait before attempt `attempt + 1`: the base delay doubled per earlier failure, capped. */
export function retryDelayMs(tuning: TaskTuning, attempt: number): number {
  return Math.min(tuning.retryBaseDelayMs * 2 ** (attempt - 1), tuning.retryMaxDelayMs);
}

/**
 * Runs tasks the way every job kind should: claim the task with a lease (or leave it to whoever holds it), keep the
 * lease renewed, take the run lock of the kind and policy, do the work, record the outcome on the task and roll up
 * its execution; a failure is retried with backoff until the attempts run out.
 */
export class TaskRunner {
  constructor(
    private readonly jobs: JobRepository,
    private readonly workerId: string,
    private readonly tuning: TaskTuning,
    private readonly logger: Logger,
    private readonly wake: WakeTask,
  ) {}

  /** Claims and runs one task with the handler of its kind; returns what became of it. */
  async run(taskId: number, handler: TaskHandler): Promise<TaskRunResult> {
    const lease = await this.jobs.claimTask(taskId, this.workerId, this.tuning.leaseMs);
    if (!lease) {
      this.logger.debug({ taskId }, 'task not claimable (finished, or held under a live lease)');
      return { taskId, outcome: 'not-claimable' };
    }
    const log = this.logger.child({
      taskId,
      executionId: lease.executionId,
      vendorType: lease.vendorType,
      attempt: lease.attempt,
    });
    if (lease.vendorType !== handler.vendorType) throw new Error(`task ${taskId} is not a ${handler.vendorType} task`);
    log.info('task started');
    const keeper = new LeaseKeeper(this.jobs, lease, this.tuning.leaseMs, log);
    try {
      const run = await this.jobs.withRunLock(lease.vendorType, lease.vendorId, () =>
        handler.run(lease, keeper.signal),
      );
      if (!run.acquired) {
        // Not a failure: another run of the kind is busy. The reclaim pass wakes the task again once it is due.
        const message = `another ${lease.vendorType} run holds the lock; waiting ${this.tuning.lockBusyDelayMs} ms`;
        await this.jobs.releaseTask(lease, this.tuning.lockBusyDelayMs, message);
        log.info('task deferred: run lock busy');
        return { taskId, outcome: 'deferred' };
      }
      const finished = await this.jobs.finishTask(lease, {
        status: JobStatus.Success,
        extraAttrs: { ...run.result.extraAttrs, workerId: this.workerId },
        executionAttrs: run.result.executionAttrs,
      });
      log.info({ finished, ...run.result.extraAttrs }, finished ? 'task succeeded' : 'task lease lost before finish');
      return { taskId, outcome: finished ? 'success' : 'lease-lost' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (keeper.signal.aborted) {
        log.warn({ err: message }, 'task abandoned: its lease was lost or it was stopped');
        return { taskId, outcome: 'lease-lost' };
      }
      const delayMs = retryDelayMs(this.tuning, lease.attempt);
      const outcome = await this.jobs.failAttempt(lease, message, delayMs);
      if (outcome === 'retry') await this.wake(lease, lease.attempt, delayMs);
      log.warn({ err: message, outcome, delayMs }, 'task attempt failed');
      return { taskId, outcome };
    } finally {
      keeper.stop();
    }
  }
}

/** Renews a task's lease while its work runs, and aborts the work once the lease is lost (taken over or stopped). */
class LeaseKeeper {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobRepository,
    private readonly lease: TaskLease,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.renew(), leaseMs / RENEWALS_PER_LEASE);
  }

  /** Aborts when the lease is no longer this worker's. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops renewing. */
  stop(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    try {
      if (await this.jobs.renewLease(this.lease, this.leaseMs)) return;
      this.stop();
      this.controller.abort(new Error(`lease on task ${this.lease.taskId} lost`));
    } catch (err) {
      // A database blip: the next renewal, well within the lease, tries again.
      this.logger.warn({ err: (err as Error).message }, 'lease renewal failed');
    }
  }
}
