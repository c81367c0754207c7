import { REGISTRY_EVENTS_JOB, type RegistryEventBatch, type RegistryEventBatchResult } from './registry-events';

/** Every BullMQ queue of the platform; processors for them live in apps/worker only. */
export const QueueName = {
  /** Platform housekeeping and diagnostics. */
  System: 'system',
  /** Storage and database upkeep: sweeps of abandoned uploads (later garbage collection), and task lease reclaims. */
  Maintenance: 'maintenance',
  /** Push, pull and delete events from the registry, in batches, for the audit log and pull counts. */
  Events: 'events',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names per queue, each with its payload and result type. */
export interface JobMap {
  [QueueName.System]: {
    /** A round trip through the queue and a worker, used by health checks and tests. */
    ping: { payload: { requestId: string; sentAt: string }; result: { workerId: string; receivedAt: string } };
  };
  [QueueName.Maintenance]: {
    /** A tick of the upload sweep schedule: writes an UPLOAD_SWEEP execution and its task, then wakes a worker. */
    'upload-sweep-tick': { payload: Record<string, never>; result: { executionId: number | null } };
    /** A wake-up call for one upload sweep task; Postgres holds the task's state. */
    'upload-sweep': { payload: TaskWakeUp; result: TaskRunResult };
    /** A tick of the lease reclaim schedule: wakes workers for tasks that are due or whose worker died. */
    'task-reclaim': { payload: Record<string, never>; result: { woken: number; failed: number } };
    /** A tick of the audit log retention schedule: writes an AUDIT_LOG_RETENTION execution and its task. */
    'audit-retention-tick': { payload: Record<string, never>; result: { executionId: number | null } };
    /** A wake-up call for one audit log retention task. */
    'audit-retention': { payload: TaskWakeUp; result: TaskRunResult };
  };
  [QueueName.Events]: {
    /** Events one registry replica buffered, applied in one transaction. */
    [REGISTRY_EVENTS_JOB]: { payload: RegistryEventBatch; result: RegistryEventBatchResult };
  };
}

/** The payload of every wake-up call for a task: which task, and the request that caused it, for the logs. */
export interface TaskWakeUp {
  executionId: number;
  taskId: number;
  requestId?: string;
}

/** What a worker did with a wake-up call, for BullMQ's job record and the logs (the job state itself is in Postgres). */
export interface TaskRunResult {
  taskId: number;
  outcome: 'not-claimable' | 'deferred' | 'success' | 'retry' | 'error' | 'lease-lost';
}

export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N] extends { payload: infer P }
  ? P
  : never;
export type JobResult<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N] extends { result: infer R } ? R : never;
