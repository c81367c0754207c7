import { type Logger } from '@berth/common';
import {
  QueueName,
  REGISTRY_EVENTS_JOB,
  REGISTRY_EVENTS_JOB_OPTIONS,
  type RegistryEventBatch,
  redisConnection,
} from '@berth/queue';
import { Queue } from 'bullmq';
import { type RedisOptions } from 'ioredis';
import { type RegistryEventSink } from './registry-event.emitter';

/** At most one log line about the events queue's Redis connection per minute, however often ioredis retries. */
const CONNECTION_WARN_INTERVAL_MS = 60_000;

/**
 * Hands event batches to the events queue. Commands fail at once while Redis is unreachable (no offline queue), so a
 * down Redis costs the emitter a rejected promise, never a growing backlog inside the client.
 */
export class BullMqEventSink implements RegistryEventSink {
  private readonly queue: Queue;
  private lastWarningAt = 0;

  constructor(redisUrl: string, prefix: string, logger: Logger) {
    this.queue = new Queue(QueueName.Events, {
      // redisConnection builds plain ioredis options; BullMQ types them as a union with live clients.
      connection: {
        ...(redisConnection(redisUrl) as RedisOptions),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      },
      prefix: `${prefix}:bull`,
    });
    this.queue.on('error', (err) => {
      const now = Date.now();
      if (now - this.lastWarningAt < CONNECTION_WARN_INTERVAL_MS) return;
      this.lastWarningAt = now;
      logger.warn({ err: err.message }, 'events queue: Redis connection error');
    });
  }

  /** Adds the batch as one job whose id is the batch id. */
  async send(batch: RegistryEventBatch): Promise<void> {
    await this.queue.add(REGISTRY_EVENTS_JOB, batch, { ...REGISTRY_EVENTS_JOB_OPTIONS, jobId: batch.batchId });
  }

  /** Closes the queue's connection. */
  async close(): Promise<void> {
    await this.queue.close();
  }
}
