import { type Logger } from '@berth/common';
import { type AuditActorType, type RegistryEventRecord, type RegistryEventRepository } from '@berth/db';
import {
  QueueName,
  REGISTRY_EVENTS_JOB,
  type RegistryEvent,
  type RegistryEventBatch,
  type RegistryEventBatchResult,
} from '@berth/queue';
import { type Job } from 'bullmq';

const ACTOR_TYPES: readonly AuditActorType[] = ['user', 'robot', 'anonymous', 'system'];

/** Turns a queued event into the row the repository writes; an unknown actor kind is recorded as anonymous. */
export function toRecord(event: RegistryEvent): RegistryEventRecord {
  const time = new Date(event.time);
  return {
    operation: event.operation,
    resourceType: event.resourceType,
    repository: event.repository,
    reference: event.reference,
    digest: event.digest,
    mediaType: event.mediaType,
    username: event.actor.name,
    actorType: ACTOR_TYPES.includes(event.actor.kind) ? event.actor.kind : 'anonymous',
    sourceIp: event.sourceIp,
    // A clock-less event (a bug in a producer) is still worth recording, at the time it is applied.
    time: Number.isNaN(time.getTime()) ? new Date() : time,
  };
}

/**
 * Handles the events queue: each job is one registry replica's batch of pushes, pulls and deletes, applied in one
 * transaction (audit entries, pull counts, last-pull times) exactly once however often BullMQ delivers it.
 */
export class RegistryEventsProcessor {
  constructor(
    private readonly events: RegistryEventRepository,
    private readonly logger: Logger,
  ) {}

  /** Processes one job of the events queue. */
  async process(job: Job): Promise<RegistryEventBatchResult> {
    if (job.name !== REGISTRY_EVENTS_JOB) throw new Error(`unknown job ${job.name} on queue ${QueueName.Events}`);
    const batch = job.data as RegistryEventBatch;
    const outcome = await this.events.applyBatch(batch.batchId, batch.events.map(toRecord));
    const result = { batchId: batch.batchId, ...outcome };
    if (outcome.applied) this.logger.debug({ jobId: job.id, ...result }, 'registry events applied');
    else this.logger.info({ jobId: job.id, batchId: batch.batchId }, 'registry event batch already applied; skipped');
    return result;
  }
}
