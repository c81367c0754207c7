import { createLogger, type OverallHealth } from '@berth/common';
import { parseConfig } from '@berth/config';
import { createQueue, QueueName, workerHeartbeatKey } from '@berth/queue';
import { createTestDatabase, freePort, type TestDatabase } from '@berth/testing';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerEnv } from './config/worker.config';
import { WorkerModule } from './worker.module';
import { WorkerRuntime } from './worker.runtime';

const REDIS_URL = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';

describe('worker against real Redis (BullMQ) and Postgres', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let queue: Queue;
  let events: QueueEvents;
  let dataDir: string;
  let healthPort: number;
  const prefix = `berth-it-worker-${process.pid}`;
  const redis = new Redis(REDIS_URL);

  beforeAll(async () => {
    db = await createTestDatabase('worker', { migrate: true });
    dataDir = mkdtempSync(join(tmpdir(), 'berth-worker-'));
    healthPort = await freePort();
    const config = parseConfig(workerEnv, {
      DATABASE_URL: db.url,
      REDIS_URL,
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_WORKER_HEALTH_PORT: String(healthPort),
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger('worker', 'silent');
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: false });
    await app.init();
    queue = createQueue(QueueName.System, REDIS_URL, prefix);
    events = new QueueEvents(QueueName.System, { connection: { url: REDIS_URL }, prefix: `${prefix}:bull` });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('processes a job enqueued on the system queue and returns its result', async () => {
    const job = await queue.add('ping', { requestId: 'req-1', sentAt: new Date().toISOString() });
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result.workerId).toBe(app.get(WorkerRuntime).workerId);
    expect(Date.parse(result.receivedAt)).not.toBeNaN();
  });

  it('publishes a heartbeat with a TTL', async () => {
    const key = workerHeartbeatKey(prefix, app.get(WorkerRuntime).workerId);
    expect(JSON.parse((await redis.get(key))!)).toMatchObject({ workerId: app.get(WorkerRuntime).workerId });
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it('answers its health endpoint with every dependency healthy', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as OverallHealth;
    expect(body.status).toBe('healthy');
    expect(body.components.map((c) => c.name)).toEqual(['database', 'redis', 'storage', 'queues']);
  });

  it('removes its heartbeat and stops the health endpoint on shutdown', async () => {
    const key = workerHeartbeatKey(prefix, app.get(WorkerRuntime).workerId);
    await app.close();
    expect(await redis.exists(key)).toBe(0);
    await expect(fetch(`http://127.0.0.1:${healthPort}/health`)).rejects.toThrow();
  });
});
