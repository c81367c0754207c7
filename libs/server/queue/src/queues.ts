/** Every BullMQ queue of the platform; processors for them live in apps/worker only. */
export const QueueName = {
  /** Platform housekeeping and diagnostics. */
  System: 'system',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names per queue, each with its payload and result type. */
export interface JobMap {
  [QueueName.System]: {
    /** A round trip through the queue and a worker, used by health checks and tests. */
    ping: { payload: { requestId: string; sentAt: string }; result: { workerId: string; receivedAt: string } };
  };
}

export type JobName<Q extends QueueName> = keyof JobMap[Q] & string;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N] extends { payload: infer P }
  ? P
  : never;
export type JobResult<Q extends QueueName, N extends JobName<Q>> = JobMap[Q][N] extends { result: infer R } ? R : never;
