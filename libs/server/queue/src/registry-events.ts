import { type JobsOptions } from 'bullmq';

/** What a registry event records: a manifest pushed, a manifest pulled, a manifest, tag or blob deleted. */
export type RegistryOperation = 'push' | 'pull' | 'delete';

/** What kind of thing the event is about, as the audit log names it. */
export type RegistryResourceType = 'artifact' | 'tag' | 'blob';

/** Who caused a registry event, as the registry knows it from the bearer token (or anonymous without one). */
export interface RegistryEventActor {
  /** The account name (`alice`, `robot$library+ci`), `anonymous` without a token. */
  name: string;
  /** `system` for Berth's own services (replication and the like). */
  kind: 'user' | 'robot' | 'anonymous' | 'system';
}

/** One push, pull or delete seen by the registry. */
export interface RegistryEvent {
  operation: RegistryOperation;
  resourceType: RegistryResourceType;
  /** The repository name, project included (`library/app`). */
  repository: string;
  /** The tag or digest the request named. */
  reference: string;
  /** The manifest's or blob's digest, when known (a tag delete does not look it up). */
  digest: string | null;
  mediaType: string | null;
  actor: RegistryEventActor;
  sourceIp: string | null;
  /** When it happened, ISO 8601. */
  time: string;
}

/** Events a registry replica flushed together as one job. */
export interface RegistryEventBatch {
  /** Unique per flush, and the job id, so a retried job is recognised as already applied. */
  batchId: string;
  events: RegistryEvent[];
}

/** What a worker did with a batch. */
export interface RegistryEventBatchResult {
  batchId: string;
  /** False when the batch had been applied already (a retry after a lost acknowledgement). */
  applied: boolean;
  auditEntries: number;
  pulls: number;
}

/** The job name of an event batch on the events queue. */
export const REGISTRY_EVENTS_JOB = 'registry-events';

/** Attempts of an event batch: a worker that hits a deadlock or a database restart retries with backoff. */
export const REGISTRY_EVENTS_JOB_OPTIONS: Omit<JobsOptions, 'jobId'> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  // Failed batches stay for inspection, a bounded number of them.
  removeOnFail: 1_000,
};
