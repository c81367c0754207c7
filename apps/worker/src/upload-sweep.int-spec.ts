import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import {
  dataSourceOptions,
  type ExecutionView,
  JobRepository,
  JobStatus,
  JobTrigger,
  UploadRepository,
  VendorType,
} from '@berth/db';
import { createQueue, QueueName } from '@berth/queue';
import { FilesystemBlobDriver, S3BlobDriver, type BlobDriver, UPLOADS_DIR, UPLOAD_DATA_FILE } from '@berth/storage';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { Client } from 'minio';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { workerEnv } from './config/worker.config';
import { type TaskTuning } from './tasks/task-runner';
import { WorkerModule } from './worker.module';
import { type WorkerOptions, WorkerRuntime } from './worker.runtime';

const REDIS_URL = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';

const MINUTE_MS = 60_000;
/** The upload TTL the workers run with: the default, one day. */
const TTL_MINUTES = 24 * 60;
/** A session that stays live through every test, even under a clock moved past the TTL. */
const LIVE_TTL_MS = 7 * 24 * 60 * MINUTE_MS;
/** A session whose expiry passed a minute ago. */
const EXPIRED_TTL_MS = -MINUTE_MS;
/** How long a test waits for an execution to end. */
const EXECUTION_TIMEOUT_MS = 30_000;
/** Timings short enough for a test: a 1 s lease, a reclaim pass every 300 ms, quick retries. */
const FAST_TUNING: Partial<TaskTuning> = {
  leaseMs: 1_000,
  reclaimIntervalMs: 300,
  maxAttempts: 2,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 200,
  lockBusyDelayMs: 200,
};

/** One world for a group of tests: a migrated database, a Redis key prefix, the storage driver and running workers. */
class SweepWorld {
  readonly prefix = `berth-it-sweep-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly apps: INestApplicationContext[] = [];
  db!: TestDatabase;
  dataSource!: DataSource;
  jobs!: JobRepository;
  uploads!: UploadRepository;
  repositoryId!: number;

  constructor(
    readonly driver: BlobDriver,
    private readonly storageEnv: Record<string, string>,
  ) {}

  async setUp(name: string): Promise<void> {
    this.db = await createTestDatabase(name, { migrate: true });
    this.dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: this.db.url })).initialize();
    this.jobs = new JobRepository(this.dataSource);
    this.uploads = new UploadRepository(this.dataSource);
    const [repository]: { id: number }[] = await this.dataSource.query(
      `INSERT INTO repository (project_id, name) SELECT id, 'library/sweep' FROM project WHERE name = 'library'
       RETURNING id`,
    );
    this.repositoryId = repository!.id;
  }

  /** Starts a worker application like main.ts does, with test timings. */
  async startWorker(options: WorkerOptions = {}): Promise<WorkerRuntime> {
    const config = parseConfig(workerEnv, {
      DATABASE_URL: this.db.url,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL,
      BERTH_REDIS_PREFIX: this.prefix,
      BERTH_UPLOAD_TTL_MINUTES: String(TTL_MINUTES),
      LOG_LEVEL: 'silent',
      ...this.storageEnv,
    });
    const module = WorkerModule.forRoot(config, createLogger('worker', 'silent'), {
      tuning: FAST_TUNING,
      ...options,
    });
    const app = await NestFactory.createApplicationContext(module, { logger: false });
    await app.init();
    this.apps.push(app);
    return app.get(WorkerRuntime);
  }

  async tearDown(): Promise<void> {
    for (const app of this.apps) await app.close();
    const queue = createQueue(QueueName.Maintenance, REDIS_URL, this.prefix);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${this.prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await this.dataSource?.destroy();
    await this.db?.drop();
  }

  /** Creates an upload session row expiring `ttlMs` from now, with `size` bytes in storage. */
  async session(ttlMs: number, size: number): Promise<string> {
    const id = randomUUID();
    await this.uploads.create(id, this.repositoryId, ttlMs);
    await this.driver.appendUpload(id, 0, Readable.from([randomBytes(size)]));
    return id;
  }

  /** Puts session bytes into storage that no upload row names. */
  async orphan(size: number): Promise<string> {
    const id = randomUUID();
    await this.driver.appendUpload(id, 0, Readable.from([randomBytes(size)]));
    return id;
  }

  async rowExists(id: string): Promise<boolean> {
    return (await this.uploads.findExisting([id])).length === 1;
  }

  async storedSessions(): Promise<Set<string>> {
    const ids = new Set<string>();
    for await (const { uploadId } of this.driver.listUploads()) ids.add(uploadId);
    return ids;
  }

  /** Waits until the execution has ended, and returns it. */
  async finished(executionId: number): Promise<ExecutionView> {
    const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
    for (;;) {
      const execution = await this.jobs.findExecution(executionId);
      if (execution?.endedAt) return execution;
      if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${execution?.status}`);
      await sleep(100);
    }
  }

  async sweepExecutions(): Promise<ExecutionView[]> {
    return this.jobs.listExecutions(VendorType.UploadSweep, { limit: 100 });
  }
}

describe('the upload sweep on the filesystem driver', () => {
  let root: string;
  let world: SweepWorld;
  let workerA: WorkerRuntime;
  let expiredAtBoot: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'berth-sweep-'));
    world = new SweepWorld(new FilesystemBlobDriver(root), { BERTH_STORAGE_FS_ROOT: root });
    await world.setUp('upload_sweep_fs');
    // Left before the worker starts, for the schedule's first tick to find.
    expiredAtBoot = await world.session(EXPIRED_TTL_MS, 100);
    workerA = await world.startWorker({ workerId: 'worker-a' });
  });

  afterAll(async () => {
    await world?.tearDown();
    rmSync(root, { recursive: true, force: true });
  });

  it('registers the schedule at the configured interval, and its first tick sweeps', async () => {
    const queue = createQueue(QueueName.Maintenance, REDIS_URL, world.prefix);
    try {
      expect(await queue.getJobScheduler('upload-sweep')).toMatchObject({ every: 60 * MINUTE_MS });
    } finally {
      await queue.close();
    }

    const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
    while ((await world.sweepExecutions()).length === 0 && Date.now() < deadline) await sleep(100);
    const [scheduled] = await world.sweepExecutions();
    const execution = await world.finished(scheduled!.id);

    expect(execution).toMatchObject({
      trigger: 'SCHEDULE',
      status: 'Success',
      extraAttrs: { expiredSessions: 1, orphansRemoved: 0, bytesFreed: 100 },
    });
    expect(await world.rowExists(expiredAtBoot)).toBe(false);
    expect(await world.storedSessions()).not.toContain(expiredAtBoot);
  });

  it('removes expired sessions and old orphans with their bytes, and leaves live sessions and young orphans', async () => {
    const expired = [await world.session(EXPIRED_TTL_MS, 10), await world.session(EXPIRED_TTL_MS, 20)];
    const live = await world.session(60 * MINUTE_MS, 30);
    const oldOrphan = await world.orphan(40);
    const youngOrphan = await world.orphan(50);
    const twoDaysAgo = new Date(Date.now() - 2 * TTL_MINUTES * MINUTE_MS);
    utimesSync(join(root, UPLOADS_DIR, oldOrphan, UPLOAD_DATA_FILE), twoDaysAgo, twoDaysAgo);

    const executionId = (await workerA.startUploadSweep(JobTrigger.Manual))!;
    const execution = await world.finished(executionId);

    expect(execution).toMatchObject({
      vendorType: 'UPLOAD_SWEEP',
      trigger: 'MANUAL',
      status: 'Success',
      statusMessage: null,
      extraAttrs: { expiredSessions: 2, orphansRemoved: 1, bytesFreed: 10 + 20 + 40, ttlMinutes: TTL_MINUTES },
      metrics: { total: 1, Success: 1 },
    });
    const [task] = await world.jobs.listTasks(executionId);
    expect(task).toMatchObject({
      status: 'Success',
      attempts: 1,
      leaseOwner: null,
      extraAttrs: { expiredSessions: 2, orphansRemoved: 1, bytesFreed: 70, workerId: 'worker-a' },
    });
    for (const id of expired) expect(await world.rowExists(id)).toBe(false);
    const stored = await world.storedSessions();
    expect(stored).not.toContain(expired[0]);
    expect(stored).not.toContain(expired[1]);
    expect(stored).not.toContain(oldOrphan);
    expect(stored).toContain(live);
    expect(stored).toContain(youngOrphan);
    expect(await world.rowExists(live)).toBe(true);
    expect(await world.driver.uploadSize(live)).toBe(30);
  });

  it('runs one sweep when two workers are asked at once, and the sweep is done once', async () => {
    const workerB = await world.startWorker({ workerId: 'worker-b' });
    const before = (await world.sweepExecutions()).length;
    const expired = await Promise.all([1, 2, 3].map((n) => world.session(EXPIRED_TTL_MS, n)));

    const started = await Promise.all([
      workerA.startUploadSweep(JobTrigger.Manual),
      workerB.startUploadSweep(JobTrigger.Manual),
    ]);

    const executionIds = started.filter((id): id is number => id !== null);
    expect(executionIds).toHaveLength(1);
    const execution = await world.finished(executionIds[0]!);
    expect(execution).toMatchObject({ status: 'Success', extraAttrs: { expiredSessions: 3, bytesFreed: 6 } });
    expect(await world.jobs.listTasks(executionIds[0]!)).toMatchObject([{ status: 'Success', attempts: 1 }]);
    expect(await world.sweepExecutions()).toHaveLength(before + 1);
    for (const id of expired) expect(await world.rowExists(id)).toBe(false);
  });

  it('finishes the task of a worker that died mid-sweep once its lease runs out', async () => {
    const expired = await world.session(EXPIRED_TTL_MS, 7);
    // What a worker leaves behind when it dies right after claiming: the rows, and a lease nobody renews.
    const { executionId, taskIds } = (await world.jobs.createExecution({
      vendorType: VendorType.UploadSweep,
      trigger: JobTrigger.Schedule,
      tasks: [{ maxAttempts: 3 }],
    }))!;
    const dead = (await world.jobs.claimTask(taskIds[0]!, 'dead-worker', FAST_TUNING.leaseMs!))!;
    expect(dead.attempt).toBe(1);

    const execution = await world.finished(executionId);

    expect(execution).toMatchObject({ status: 'Success', extraAttrs: { expiredSessions: 1, bytesFreed: 7 } });
    const [task] = await world.jobs.listTasks(executionId);
    expect(task!.attempts).toBe(2);
    expect(['worker-a', 'worker-b']).toContain(task!.extraAttrs['workerId']);
    expect(await world.rowExists(expired)).toBe(false);
    expect(await world.jobs.finishTask(dead, { status: JobStatus.Success })).toBe(false);
  });
});

describe('the upload sweep when storage fails', () => {
  let root: string;
  let world: SweepWorld;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'berth-sweep-broken-'));
    // A storage root that is a plain file: every session lookup under it fails with ENOTDIR.
    const notADirectory = join(root, 'blobs');
    writeFileSync(notADirectory, 'not a directory');
    world = new SweepWorld(new FilesystemBlobDriver(notADirectory), { BERTH_STORAGE_FS_ROOT: notADirectory });
    await world.setUp('upload_sweep_broken');
  });

  afterAll(async () => {
    await world?.tearDown();
    rmSync(root, { recursive: true, force: true });
  });

  it('retries with backoff and ends in Error with the storage message after the last attempt', async () => {
    await world.uploads.create(randomUUID(), world.repositoryId, EXPIRED_TTL_MS);
    const worker = await world.startWorker({ workerId: 'worker-broken' });

    const executionId = (await worker.startUploadSweep(JobTrigger.Manual)) ?? (await world.sweepExecutions())[0]!.id;
    const execution = await world.finished(executionId);

    expect(execution.status).toBe('Error');
    expect(execution.statusMessage).toContain('ENOTDIR');
    expect(await world.jobs.listTasks(executionId)).toMatchObject([
      { status: 'Error', attempts: FAST_TUNING.maxAttempts },
    ]);
  });
});

describe('the upload sweep on the S3 driver', () => {
  const { BERTH_TEST_S3_ENDPOINT, BERTH_TEST_S3_ACCESS_KEY, BERTH_TEST_S3_SECRET_KEY, BERTH_TEST_S3_REGION } =
    process.env;
  const bucket = `berth-sweep-${randomUUID().slice(0, 8)}`;
  let world: SweepWorld;
  let client: Client;

  beforeAll(async () => {
    if (!BERTH_TEST_S3_ENDPOINT || !BERTH_TEST_S3_ACCESS_KEY || !BERTH_TEST_S3_SECRET_KEY) {
      throw new Error('the integration global setup exports BERTH_TEST_S3_ENDPOINT, _ACCESS_KEY and _SECRET_KEY');
    }
    const region = BERTH_TEST_S3_REGION ?? 'us-east-1';
    const driver = new S3BlobDriver({
      endpoint: BERTH_TEST_S3_ENDPOINT,
      accessKey: BERTH_TEST_S3_ACCESS_KEY,
      secretKey: BERTH_TEST_S3_SECRET_KEY,
      region,
      bucket,
    });
    await driver.ensureBucket();
    const url = new URL(BERTH_TEST_S3_ENDPOINT);
    client = new Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: url.protocol === 'https:',
      accessKey: BERTH_TEST_S3_ACCESS_KEY,
      secretKey: BERTH_TEST_S3_SECRET_KEY,
      region,
    });
    world = new SweepWorld(driver, {
      BERTH_STORAGE_DRIVER: 's3',
      BERTH_S3_ENDPOINT: BERTH_TEST_S3_ENDPOINT,
      BERTH_S3_ACCESS_KEY: BERTH_TEST_S3_ACCESS_KEY,
      BERTH_S3_SECRET_KEY: BERTH_TEST_S3_SECRET_KEY,
      BERTH_S3_REGION: region,
      BERTH_S3_BUCKET: bucket,
    });
    await world.setUp('upload_sweep_s3');
  });

  afterAll(async () => {
    await world?.tearDown();
    if (!client) return;
    const keys: string[] = [];
    for await (const item of client.listObjectsV2(bucket, '', true)) if (item.name) keys.push(item.name);
    if (keys.length > 0) await client.removeObjects(bucket, keys);
    await client.removeBucket(bucket);
  });

  it('removes expired sessions and orphans older than the TTL, and leaves live sessions', async () => {
    const expired = await world.session(EXPIRED_TTL_MS, 11);
    const live = await world.session(LIVE_TTL_MS, 22);
    const orphan = await world.orphan(33);
    // S3 cannot backdate an object, so this worker's clock runs past the TTL instead: everything stored looks old.
    const worker = await world.startWorker({
      workerId: 'worker-s3',
      now: () => new Date(Date.now() + (TTL_MINUTES + 5) * MINUTE_MS),
    });

    const executionId = (await worker.startUploadSweep(JobTrigger.Manual)) ?? (await world.sweepExecutions())[0]!.id;
    const execution = await world.finished(executionId);

    expect(execution).toMatchObject({
      status: 'Success',
      extraAttrs: { expiredSessions: 1, orphansRemoved: 1, bytesFreed: 11 + 33 },
    });
    const stored = await world.storedSessions();
    expect(stored).not.toContain(orphan);
    expect(stored).not.toContain(expired);
    expect([...stored]).toEqual([live]);
    expect(await world.driver.uploadSize(live)).toBe(22);
    expect(await world.rowExists(expired)).toBe(false);
    expect(await world.rowExists(live)).toBe(true);
  });
});
