import { type Logger, type OverallHealth, overall, probe } from '@berth/common';
import {
  AuditLogRepository,
  ConfigurationRepository,
  JobRepository,
  type JobTrigger,
  RegistryEventRepository,
  UploadRepository,
} from '@berth/db';
import {
  createQueue,
  QueueName,
  WORKER_HEARTBEAT_INTERVAL_MS,
  WORKER_HEARTBEAT_TTL_SECONDS,
  redisConnection,
  workerHeartbeatKey,
} from '@berth/queue';
import { type BlobDriver } from '@berth/storage';
import { type Job, type Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { type DataSource } from 'typeorm';
import { AuditRetentionHandler } from './audit-retention/audit-retention.handler';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { SystemProcessor } from './processors/system.processor';
import { RegistryEventsProcessor } from './registry-events/registry-events.processor';
import { type WorkerConfig } from './config/worker.config';
import { DEFAULT_TASK_TUNING, TaskRunner, type TaskTuning } from './tasks/task-runner';
import { UploadSweepHandler } from './upload-sweep/upload-sweep.handler';

/** How long shutdown waits for running jobs before closing anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

/** What tests may change about a worker: its id (several run in one process), task timings, the sweep's clock. */
export interface WorkerOptions {
  workerId?: string;
  tuning?: Partial<TaskTuning>;
  now?: () => Date;
}

/**
 * The worker process's moving parts: BullMQ workers, the heartbeat that core-api's health reads, and the optional
 * health endpoint for orchestrators.
 */
export class WorkerRuntime {
  readonly workerId: string;
  private readonly workers: Worker[] = [];
  private readonly redis: Redis;
  private readonly maintenanceQueue: Queue;
  private readonly maintenance: MaintenanceProcessor;
  private readonly registryEvents: RegistryEventsProcessor;
  private heartbeat?: NodeJS.Timeout;
  private healthServer?: Server;

  constructor(
    private readonly config: WorkerConfig,
    private readonly dataSource: DataSource,
    private readonly blobs: BlobDriver,
    private readonly logger: Logger,
    options: WorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}`;
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    const tuning = { ...DEFAULT_TASK_TUNING, ...options.tuning };
    const jobs = new JobRepository(dataSource);
    this.maintenanceQueue = createQueue(QueueName.Maintenance, config.REDIS_URL, config.BERTH_REDIS_PREFIX);
    const uploadSweep = new UploadSweepHandler(
      new UploadRepository(dataSource),
      blobs,
      config.BERTH_UPLOAD_TTL_MINUTES,
      options.now ?? (() => new Date()),
      logger,
    );
    const runner = new TaskRunner(jobs, this.workerId, tuning, logger, (lease, attempts, delayMs) =>
      this.maintenance.wake(lease, attempts, delayMs),
    );
    const auditRetention = new AuditRetentionHandler(
      new ConfigurationRepository(dataSource),
      new AuditLogRepository(dataSource),
      options.now ?? (() => new Date()),
      logger,
    );
    this.maintenance = new MaintenanceProcessor(
      jobs,
      this.maintenanceQueue,
      runner,
      uploadSweep,
      auditRetention,
      tuning,
      logger,
    );
    this.registryEvents = new RegistryEventsProcessor(new RegistryEventRepository(dataSource), logger);
  }

  /** Starts the processors and the schedules, the heartbeat and the health endpoint. */
  async start(): Promise<void> {
    const system = new SystemProcessor(this.workerId, this.logger);
    await this.process(QueueName.System, (job) => system.process(job));
    await this.process(QueueName.Maintenance, (job) => this.maintenance.process(job));
    await this.process(QueueName.Events, (job) => this.registryEvents.process(job));
    await this.maintenance.schedule(this.config.BERTH_UPLOAD_SWEEP_INTERVAL_MINUTES);
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), WORKER_HEARTBEAT_INTERVAL_MS);
    if (this.config.BERTH_WORKER_HEALTH_PORT !== undefined)
      await this.serveHealth(this.config.BERTH_WORKER_HEALTH_PORT);
    this.logger.info({ workerId: this.workerId, queues: this.workers.map((w) => w.name) }, 'worker started');
  }

  /** Starts an upload sweep now, as the schedule would; returns its execution id, or null while one is active. */
  startUploadSweep(trigger: JobTrigger, requestId?: string): Promise<number | null> {
    return this.maintenance.startUploadSweep(trigger, requestId);
  }

  /** Starts an audit log retention run now, as the schedule would; returns its execution id, or null while one is active. */
  startAuditRetention(trigger: JobTrigger, requestId?: string): Promise<number | null> {
    return this.maintenance.startAuditRetention(trigger, requestId);
  }

  /** Reports the worker's view of its dependencies. */
  async health(): Promise<OverallHealth> {
    return overall(
      await Promise.all([
        probe('database', async () => void (await this.dataSource.query('SELECT 1'))),
        probe('redis', async () => void (await this.redis.ping())),
        probe('storage', () => this.blobs.ping()),
        probe('queues', async () => {
          const stopped = this.workers.filter((w) => !w.isRunning()).map((w) => w.name);
          if (stopped.length > 0) throw new Error(`not processing: ${stopped.join(', ')}`);
          return { running: this.workers.map((w) => w.name) };
        }),
      ]),
    );
  }

  /** Stops taking jobs, lets running ones finish within the grace period, and removes the heartbeat. */
  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    await new Promise<void>((resolve) => (this.healthServer ? this.healthServer.close(() => resolve()) : resolve()));
    const closing = Promise.all(this.workers.map((w) => w.close()));
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([closing, grace]);
    await this.maintenanceQueue.close().catch(() => undefined);
    await this.redis.del(workerHeartbeatKey(this.config.BERTH_REDIS_PREFIX, this.workerId)).catch(() => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
    this.logger.info({ workerId: this.workerId }, 'worker stopped');
  }

  private async process(queue: QueueName, processor: (job: Job) => Promise<unknown>): Promise<void> {
    const worker = new Worker(queue, processor, {
      connection: redisConnection(this.config.REDIS_URL),
      prefix: `${this.config.BERTH_REDIS_PREFIX}:bull`,
      concurrency: this.config.BERTH_WORKER_CONCURRENCY,
    });
    worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, queue, err: err.message }, 'job failed'));
    worker.on('error', (err) => this.logger.error({ err: err.message }, 'worker error'));
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  private async beat(): Promise<void> {
    const key = workerHeartbeatKey(this.config.BERTH_REDIS_PREFIX, this.workerId);
    const value = JSON.stringify({ workerId: this.workerId, at: new Date().toISOString() });
    await this.redis
      .set(key, value, 'EX', WORKER_HEARTBEAT_TTL_SECONDS)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'heartbeat failed'));
  }

  private async serveHealth(port: number): Promise<void> {
    this.healthServer = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/health') {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"NOT_FOUND","message":"not found"}]}');
        return;
      }
      void this.health().then((result) => {
        res.writeHead(result.status === 'healthy' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
    await new Promise<void>((resolve) => this.healthServer!.listen(port, '0.0.0.0', resolve));
  }
}
