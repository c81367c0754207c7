import { type DataSource, type EntityManager } from 'typeorm';
import { JobStatus } from './job.types';

/**
 * Advisory lock namespace of "one run at a time per job kind and policy", held for the whole run by the worker doing
 * it: the bytes of "jobs" (0x6a 0x6f 0x62 0x73) read as one 32-bit integer.
 */
export const JOB_RUN_LOCK_NAMESPACE = 0x6a6f6273;

/**
 * Advisory lock namespace serialising the creation of executions per job kind and policy, held for one short
 * transaction; separate from the run lock so creating the next execution never waits for a run to finish: "jobc".
 */
export const JOB_CREATE_LOCK_NAMESPACE = 0x6a6f6263;

/** What a new execution runs: its kind, policy, trigger and parameters, and one entry per task. */
export interface NewExecution {
  vendorType: string;
  vendorId?: number | null;
  trigger: string;
  extraAttrs?: Record<string, unknown>;
  tasks: NewTask[];
}

/** One task of a new execution. */
export interface NewTask {
  /** How many claims the task gets before it ends in Error. */
  maxAttempts: number;
  extraAttrs?: Record<string, unknown>;
}

/** The ids an execution was created with. */
export interface CreatedExecution {
  executionId: number;
  taskIds: number[];
}

/**
 * A worker's claim on a task. `attempt` is the fencing token: every later write checks owner and attempt, so a worker
 * whose lease ran out and was taken over can no longer change the task.
 */
export interface TaskLease {
  taskId: number;
  executionId: number;
  vendorType: string;
  /** The execution's policy, or null for platform-wide jobs (keys the run lock). */
  vendorId: number | null;
  owner: string;
  attempt: number;
  maxAttempts: number;
  extraAttrs: Record<string, unknown>;
}

/** A task that may be claimed now: new or retrying and due, or running under a lease that ran out. */
export interface DueTask {
  taskId: number;
  executionId: number;
  vendorType: string;
  attempts: number;
}

/** How a task ended, with what it records on itself and on its execution. */
export interface TaskCompletion {
  status: typeof JobStatus.Success | typeof JobStatus.Error | typeof JobStatus.Stopped;
  message?: string;
  /** Merged into the task's extra_attrs. */
  extraAttrs?: Record<string, unknown>;
  /** Merged into the execution's extra_attrs (counts of a single-task execution, for instance). */
  executionAttrs?: Record<string, unknown>;
}

/** What became of a failed attempt. */
export type FailedAttempt = 'retry' | 'error' | 'lease-lost';

/** An execution as the console shows it, with how many of its tasks are in each status. */
export interface ExecutionView {
  id: number;
  vendorType: string;
  vendorId: number | null;
  trigger: string;
  status: JobStatus;
  statusMessage: string | null;
  extraAttrs: Record<string, unknown>;
  startedAt: Date;
  endedAt: Date | null;
  metrics: Record<JobStatus, number> & { total: number };
}

/** A task as the console shows it. */
export interface TaskView {
  id: number;
  executionId: number;
  vendorType: string;
  status: JobStatus;
  statusMessage: string | null;
  attempts: number;
  maxAttempts: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  extraAttrs: Record<string, unknown>;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

/** The result of running work under a run lock: whether the lock was free, and the work's result if it was. */
export type LockedRun<T> = { acquired: true; result: T } | { acquired: false };

/** A task may be claimed when it is due and has attempts left, or its worker's lease ran out. */
const CLAIMABLE = `t.attempts < t.max_attempts AND (
  (t.status = 'Pending' AND t.next_attempt_at <= now()) OR (t.status = 'Running' AND t.lease_until < now()))`;

/** The columns a claim returns, as TaskLease fields. */
const LEASE_COLUMNS = `t.id AS "taskId", t.execution_id AS "executionId", t.vendor_type AS "vendorType",
  (SELECT e.vendor_id FROM execution e WHERE e.id = t.execution_id) AS "vendorId", t.lease_owner AS owner,
  t.attempts AS attempt, t.max_attempts AS "maxAttempts", t.extra_attrs AS "extraAttrs"`;

/** Sets a claimed task running under a new lease, and its execution running if it was pending. */
const CLAIM = (selectTask: string): string => `
  WITH claimed AS (
    UPDATE task t SET status = 'Running', attempts = t.attempts + 1, lease_owner = $1,
      lease_until = now() + make_interval(secs => $2::double precision / 1000), status_message = NULL,
      started_at = coalesce(t.started_at, now()), updated_at = now()
    WHERE t.id = (${selectTask} FOR UPDATE SKIP LOCKED)
    RETURNING ${LEASE_COLUMNS}
  ), started AS (
    UPDATE execution e SET status = 'Running', updated_at = now()
    FROM claimed WHERE e.id = claimed."executionId" AND e.status = 'Pending'
  )
  SELECT * FROM claimed`;

/** The WHERE clause that holds only while the lease is still the caller's. */
const FENCED = `id = $1 AND lease_owner = $2 AND attempts = $3 AND status = 'Running'`;

type LeaseRow = Omit<TaskLease, 'taskId' | 'executionId'> & { taskId: string; executionId: string };

/**
 * Writes and reads executions and tasks, the job state of the platform (Postgres is its source of truth; a queue entry
 * only wakes a worker up). Claims use `FOR UPDATE SKIP LOCKED`, so any number of workers can claim at once and each
 * task goes to one of them.
 */
export class JobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates an execution and its tasks in one transaction. With `unlessActive`, creates nothing and returns undefined
   * while an execution of the same kind and policy is still pending or running.
   */
  async createExecution(
    execution: NewExecution,
    { unlessActive = false }: { unlessActive?: boolean } = {},
  ): Promise<CreatedExecution | undefined> {
    const vendorId = execution.vendorId ?? null;
    return this.dataSource.transaction(async (manager) => {
      if (unlessActive) {
        await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          JOB_CREATE_LOCK_NAMESPACE,
          lockName(execution.vendorType, vendorId),
        ]);
        const active: unknown[] = await manager.query(
          `SELECT 1 FROM execution WHERE vendor_type = $1 AND vendor_id IS NOT DISTINCT FROM $2
           AND status IN ('Pending', 'Running') LIMIT 1`,
          [execution.vendorType, vendorId],
        );
        if (active.length > 0) return undefined;
      }
      // A run without tasks has nothing to wait for: it is born a Success.
      const empty = execution.tasks.length === 0;
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO execution (vendor_type, vendor_id, trigger, extra_attrs, status, ended_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, CASE WHEN $6::boolean THEN now() END) RETURNING id`,
        [
          execution.vendorType,
          vendorId,
          execution.trigger,
          JSON.stringify(execution.extraAttrs ?? {}),
          empty ? JobStatus.Success : JobStatus.Pending,
          empty,
        ],
      );
      const executionId = Number(row!.id);
      if (empty) return { executionId, taskIds: [] };
      const tasks: { id: string }[] = await manager.query(
        `INSERT INTO task (execution_id, vendor_type, max_attempts, extra_attrs)
         SELECT $1, $2, t.max_attempts, t.extra_attrs
         FROM unnest($3::integer[], $4::jsonb[]) WITH ORDINALITY AS t(max_attempts, extra_attrs, n)
         ORDER BY t.n RETURNING id`,
        [
          executionId,
          execution.vendorType,
          execution.tasks.map((task) => task.maxAttempts),
          execution.tasks.map((task) => JSON.stringify(task.extraAttrs ?? {})),
        ],
      );
      return { executionId, taskIds: tasks.map((task) => Number(task.id)) };
    });
  }

  /** Claims the task for `owner` with a lease of `leaseMs`, if it is claimable now; otherwise returns undefined. */
  async claimTask(taskId: number, owner: string, leaseMs: number): Promise<TaskLease | undefined> {
    const rows: LeaseRow[] = await this.dataSource.query(
      CLAIM(`SELECT t.id FROM task t WHERE t.id = $3 AND ${CLAIMABLE}`),
      [owner, leaseMs, taskId],
    );
    return rows[0] && toLease(rows[0]);
  }

  /** Claims the oldest claimable task of one of the kinds for `owner`, or returns undefined when there is none. */
  async claimNext(vendorTypes: readonly string[], owner: string, leaseMs: number): Promise<TaskLease | undefined> {
    const rows: LeaseRow[] = await this.dataSource.query(
      CLAIM(`SELECT t.id FROM task t WHERE t.vendor_type = ANY($3::varchar[]) AND ${CLAIMABLE} ORDER BY t.id LIMIT 1`),
      [owner, leaseMs, vendorTypes],
    );
    return rows[0] && toLease(rows[0]);
  }

  /** Extends the lease by `leaseMs` from now; returns false when the lease is no longer the caller's or was stopped. */
  async renewLease(lease: TaskLease, leaseMs: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE task SET lease_until = now() + make_interval(secs => $4::double precision / 1000), updated_at = now()
       WHERE ${FENCED}`,
      [lease.taskId, lease.owner, lease.attempt, leaseMs],
    );
    return affected > 0;
  }

  /** Records how the task ended and rolls its execution up; returns false when the lease was no longer the caller's. */
  async finishTask(lease: TaskLease, completion: TaskCompletion): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await lockExecution(manager, lease.executionId);
      const [, affected]: [unknown, number] = await manager.query(
        `UPDATE task SET status = $4, status_message = $5, extra_attrs = extra_attrs || $6::jsonb, ended_at = now(),
           lease_owner = NULL, lease_until = NULL, updated_at = now()
         WHERE ${FENCED}`,
        [
          lease.taskId,
          lease.owner,
          lease.attempt,
          completion.status,
          completion.message ?? null,
          JSON.stringify(completion.extraAttrs ?? {}),
        ],
      );
      if (affected === 0) return false;
      if (completion.executionAttrs) {
        await manager.query('UPDATE execution SET extra_attrs = extra_attrs || $2::jsonb WHERE id = $1', [
          lease.executionId,
          JSON.stringify(completion.executionAttrs),
        ]);
      }
      await rollUp(manager, lease.executionId);
      return true;
    });
  }

  /**
   * Records a failed attempt: the task waits `retryDelayMs` for its next attempt when it has attempts left, and ends in
   * Error with the message otherwise (rolling its execution up).
   */
  async failAttempt(lease: TaskLease, message: string, retryDelayMs: number): Promise<FailedAttempt> {
    return this.dataSource.transaction(async (manager) => {
      await lockExecution(manager, lease.executionId);
      const [rows]: [{ status: JobStatus }[], number] = await manager.query(
        `UPDATE task SET status_message = $4, lease_owner = NULL, lease_until = NULL, updated_at = now(),
           status = CASE WHEN attempts < max_attempts THEN 'Pending' ELSE 'Error' END,
           next_attempt_at = now() + make_interval(secs => $5::double precision / 1000),
           ended_at = CASE WHEN attempts < max_attempts THEN NULL ELSE now() END
         WHERE ${FENCED} RETURNING status`,
        [lease.taskId, lease.owner, lease.attempt, message, retryDelayMs],
      );
      if (!rows[0]) return 'lease-lost';
      await rollUp(manager, lease.executionId);
      return rows[0].status === JobStatus.Error ? 'error' : 'retry';
    });
  }

  /**
   * Gives a claimed task back without counting the attempt (its run lock was taken, say), to be claimed again after
   * `delayMs`; returns false when the lease was no longer the caller's.
   */
  async releaseTask(lease: TaskLease, delayMs: number, message: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE task SET status = 'Pending', attempts = attempts - 1, status_message = $4, lease_owner = NULL,
         lease_until = NULL, next_attempt_at = now() + make_interval(secs => $5::double precision / 1000),
         updated_at = now()
       WHERE ${FENCED}`,
      [lease.taskId, lease.owner, lease.attempt, message, delayMs],
    );
    return affected > 0;
  }

  /** Lists up to `limit` tasks of the kinds that may be claimed now, oldest first, so a wake-up can be sent for each. */
  async findDueTasks(vendorTypes: readonly string[], limit: number): Promise<DueTask[]> {
    const rows: { taskId: string; executionId: string; vendorType: string; attempts: number }[] =
      await this.dataSource.query(
        `SELECT t.id AS "taskId", t.execution_id AS "executionId", t.vendor_type AS "vendorType", t.attempts
         FROM task t WHERE t.vendor_type = ANY($1::varchar[]) AND ${CLAIMABLE} ORDER BY t.id LIMIT $2`,
        [vendorTypes, limit],
      );
    return rows.map((row) => ({ ...row, taskId: Number(row.taskId), executionId: Number(row.executionId) }));
  }

  /**
   * Ends in Error every running task whose lease ran out on its last attempt (its worker died every time), rolling up
   * their executions; returns how many there were.
   */
  async failAbandonedTasks(): Promise<number> {
    const rows: { id: string; executionId: string }[] = await this.dataSource.query(
      `SELECT id, execution_id AS "executionId" FROM task
       WHERE status = 'Running' AND lease_until < now() AND attempts >= max_attempts`,
    );
    let failed = 0;
    for (const row of rows) {
      const ended = await this.dataSource.transaction(async (manager) => {
        await lockExecution(manager, Number(row.executionId));
        const [, affected]: [unknown, number] = await manager.query(
          `UPDATE task SET status = 'Error', ended_at = now(), lease_owner = NULL, lease_until = NULL, updated_at = now(),
             status_message = 'the worker running the task stopped renewing its lease on the last attempt (' ||
               attempts || ' of ' || max_attempts || ')'
           WHERE id = $1 AND status = 'Running' AND lease_until < now() AND attempts >= max_attempts`,
          [row.id],
        );
        if (affected > 0) await rollUp(manager, Number(row.executionId));
        return affected > 0;
      });
      if (ended) failed += 1;
    }
    return failed;
  }

  /**
   * Stops an execution: its pending and running tasks end as Stopped (a running task's worker notices when it next
   * renews its lease); returns false when the execution had already ended or does not exist.
   */
  async stopExecution(executionId: number, message = 'stopped on request'): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await lockExecution(manager, executionId);
      const [, affected]: [unknown, number] = await manager.query(
        `UPDATE task SET status = 'Stopped', status_message = $2, ended_at = now(), lease_owner = NULL,
           lease_until = NULL, updated_at = now()
         WHERE execution_id = $1 AND status IN ('Pending', 'Running')`,
        [executionId, message],
      );
      if (affected === 0) return false;
      await rollUp(manager, executionId);
      return true;
    });
  }

  /** Runs `work` while holding the run lock of a job kind and policy, or returns at once when another run holds it. */
  async withRunLock<T>(vendorType: string, vendorId: number | null, work: () => Promise<T>): Promise<LockedRun<T>> {
    // A session lock on a connection of its own: it spans the whole run, and dies with the worker's connection.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const key = [JOB_RUN_LOCK_NAMESPACE, lockName(vendorType, vendorId)];
      const [{ locked }]: [{ locked: boolean }] = await runner.query(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
        key,
      );
      if (!locked) return { acquired: false };
      try {
        return { acquired: true, result: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', key);
      }
    } finally {
      await runner.release();
    }
  }

  /** Finds an execution with the count of its tasks in each status. */
  async findExecution(executionId: number): Promise<ExecutionView | undefined> {
    return (await this.selectExecutions('e.id = $1', [executionId]))[0];
  }

  /** Lists the executions of a kind (and of one policy, when given), newest first. */
  listExecutions(
    vendorType: string,
    { vendorId, limit }: { vendorId?: number; limit: number },
  ): Promise<ExecutionView[]> {
    return this.selectExecutions(
      'e.vendor_type = $1 AND ($2::integer IS NULL OR e.vendor_id = $2) ORDER BY e.started_at DESC, e.id DESC LIMIT $3',
      [vendorType, vendorId ?? null, limit],
    );
  }

  /** Lists the tasks of an execution in creation order. */
  async listTasks(executionId: number): Promise<TaskView[]> {
    const rows: (Omit<TaskView, 'id' | 'executionId'> & { id: string; executionId: string })[] =
      await this.dataSource.query(
        `SELECT id, execution_id AS "executionId", vendor_type AS "vendorType", status,
           status_message AS "statusMessage", attempts, max_attempts AS "maxAttempts", lease_owner AS "leaseOwner",
           lease_until AS "leaseUntil", extra_attrs AS "extraAttrs", created_at AS "createdAt",
           started_at AS "startedAt", ended_at AS "endedAt"
         FROM task WHERE execution_id = $1 ORDER BY id`,
        [executionId],
      );
    return rows.map((row) => ({ ...row, id: Number(row.id), executionId: Number(row.executionId) }));
  }

  private async selectExecutions(where: string, params: unknown[]): Promise<ExecutionView[]> {
    const rows: (Omit<ExecutionView, 'id' | 'metrics'> & { id: string; counts: Record<string, number> | null })[] =
      await this.dataSource.query(
        `SELECT e.id, e.vendor_type AS "vendorType", e.vendor_id AS "vendorId", e.trigger, e.status,
           e.status_message AS "statusMessage", e.extra_attrs AS "extraAttrs", e.started_at AS "startedAt",
           e.ended_at AS "endedAt",
           (SELECT jsonb_object_agg(s.status, s.n) FROM
             (SELECT status, count(*)::integer AS n FROM task WHERE execution_id = e.id GROUP BY status) s) AS counts
         FROM execution e WHERE ${where}`,
        params,
      );
    return rows.map(({ counts, ...execution }) => {
      const metrics = { total: 0 } as ExecutionView['metrics'];
      for (const status of Object.values(JobStatus)) {
        metrics[status] = counts?.[status] ?? 0;
        metrics.total += metrics[status];
      }
      return { ...execution, id: Number(execution.id), metrics };
    });
  }
}

/** Names the locks of a job kind and policy. */
function lockName(vendorType: string, vendorId: number | null): string {
  return vendorId === null ? vendorType : `${vendorType}:${vendorId}`;
}

function toLease(row: LeaseRow): TaskLease {
  return { ...row, taskId: Number(row.taskId), executionId: Number(row.executionId) };
}

/** Locks the execution row, so that tasks finishing at the same time roll it up one after the other. */
async function lockExecution(manager: EntityManager, executionId: number): Promise<void> {
  await manager.query('SELECT id FROM execution WHERE id = $1 FOR UPDATE', [executionId]);
}

/**
 * Derives the execution's status from its tasks as Harbor does: running while any task is pending or running (pending
 * while none has started), then Stopped if any task was stopped, Error if any failed, Success otherwise. An execution
 * that ends in Error carries the message of its first failed task.
 */
async function rollUp(manager: EntityManager, executionId: number): Promise<void> {
  await manager.query(
    `UPDATE execution e SET
       status = CASE
         WHEN c.running > 0 THEN 'Running'
         WHEN c.pending > 0 THEN CASE WHEN c.pending < c.total OR e.status = 'Running' THEN 'Running' ELSE 'Pending' END
         WHEN c.stopped > 0 THEN 'Stopped'
         WHEN c.error > 0 THEN 'Error'
         ELSE 'Success' END,
       status_message = CASE WHEN c.running + c.pending = 0 AND c.stopped = 0 AND c.error > 0 THEN c.first_error
         ELSE e.status_message END,
       ended_at = CASE WHEN c.running + c.pending = 0 THEN coalesce(e.ended_at, now()) END,
       updated_at = now()
     FROM (
       SELECT count(*) AS total,
         count(*) FILTER (WHERE status = 'Pending') AS pending,
         count(*) FILTER (WHERE status = 'Running') AS running,
         count(*) FILTER (WHERE status = 'Stopped') AS stopped,
         count(*) FILTER (WHERE status = 'Error') AS error,
         (array_agg(status_message ORDER BY id) FILTER (WHERE status = 'Error'))[1] AS first_error
       FROM task WHERE execution_id = $1
     ) c
     WHERE e.id = $1`,
    [executionId],
  );
}
