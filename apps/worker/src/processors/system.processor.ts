import { type Logger } from '@berth/common';
import { type JobPayload, type JobResult, QueueName } from '@berth/queue';
import { type Job } from 'bullmq';

type PingPayload = JobPayload<typeof QueueName.System, 'ping'>;
type PingResult = JobResult<typeof QueueName.System, 'ping'>;

/** Handles the system queue: a ping answered with this worker's id, proving the queue round trip. */
export class SystemProcessor {
  constructor(
    private readonly workerId: string,
    private readonly logger: Logger,
  ) {}

  /** Processes one job of the system queue. */
  async process(job: Job): Promise<PingResult> {
    if (job.name !== 'ping') throw new Error(`unknown job ${job.name} on queue ${QueueName.System}`);
    const { requestId } = job.data as PingPayload;
    this.logger.info({ jobId: job.id, requestId }, 'ping');
    return { workerId: this.workerId, receivedAt: new Date().toISOString() };
  }
}
