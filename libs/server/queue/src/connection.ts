import { type ConnectionOptions, Queue, type QueueOptions } from 'bullmq';

/** How long a worker's heartbeat stays in Redis; a worker that stops beating for this long is reported down. */
export const WORKER_HEARTBEAT_TTL_SECONDS = 30;
/** How often a worker refreshes its heartbeat: a third of the TTL, so one missed beat is not an outage. */
export const WORKER_HEARTBEAT_INTERVAL_MS = (WORKER_HEARTBEAT_TTL_SECONDS * 1000) / 3;

/** Turns a redis:// URL into BullMQ connection options (BullMQ needs maxRetriesPerRequest null for workers). */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** Builds the Redis key under which a worker publishes its heartbeat. */
export function workerHeartbeatKey(prefix: string, workerId: string): string {
  return `${prefix}:worker:heartbeat:${workerId}`;
}

/** Builds the pattern matching every worker heartbeat of an install. */
export function workerHeartbeatPattern(prefix: string): string {
  return `${prefix}:worker:heartbeat:*`;
}

/** Creates a producer for one queue with the install's key prefix. */
export function createQueue(
  name: string,
  redisUrl: string,
  prefix: string,
  options: Partial<QueueOptions> = {},
): Queue {
  return new Queue(name, { connection: redisConnection(redisUrl), prefix: `${prefix}:bull`, ...options });
}
