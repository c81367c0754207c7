import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import { dataSourceOptions, JobRepository, JobStatus, JobTrigger } from '@berth/db';
import {
  createQueue,
  QueueName,
  REGISTRY_EVENTS_JOB,
  REGISTRY_EVENTS_JOB_OPTIONS,
  type RegistryEvent,
  type RegistryEventBatch,
} from '@berth/queue';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { workerEnv } from '../config/worker.config';
import { WorkerModule } from '../worker.module';
import { WorkerRuntime } from '../worker.runtime';

const REDIS_URL = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
const DAY_MS = 24 * 60 * 60 * 1000;
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;

/** An event as the registry emits it. */
function event(
  operation: RegistryEvent['operation'],
  repository: string,
  time: Date,
  extra: Partial<RegistryEvent> = {},
) {
  return {
    operation,
    resourceType: 'artifact',
    repository,
    reference: '1.0',
    digest: DIGEST,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    actor: { name: 'robot$library+ci', kind: 'robot' },
    sourceIp: '10.1.2.3',
    time: time.toISOString(),
    ...extra,
  } satisfies RegistryEvent;
}

describe('worker: registry events and audit log retention', () => {
  const prefix = `berth-it-regevents-${process.pid}-${randomUUID().slice(0, 8)}`;
  let db: TestDatabase;
  let ds: DataSource;
  let app: INestApplicationContext;
  let runtime: WorkerRuntime;
  let queue: Queue;
  let dataDir: string;

  /** Enqueues a batch the way a registry replica does. */
  const send = (batch: RegistryEventBatch, jobId = batch.batchId) =>
    queue.add(REGISTRY_EVENTS_JOB, batch, { ...REGISTRY_EVENTS_JOB_OPTIONS, jobId });

  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let waited = 0; ; waited += 50) {
      const value = await read();
      if (done(value) || waited > 15_000) return value;
      await sleep(50);
    }
  };

  const pullState = async (repository: string) => {
    const [row] = await ds.query(
      `SELECT r.pull_count::int AS pulls, m.last_pulled_at AS "lastPulledAt"
       FROM repository r LEFT JOIN manifest m ON m.repository_id = r.id AND m.digest = $2 WHERE r.name = $1`,
      [repository, DIGEST],
    );
    return row as { pulls: number; lastPulledAt: Date | null };
  };

  beforeAll(async () => {
    db = await createTestDatabase('worker_regevents', { migrate: true });
    ds = await new DataSource(dataSourceOptions({ DATABASE_URL: db.url })).initialize();
    for (const name of ['library/app', 'library/web']) {
      const [repo] = await ds.query(
        `INSERT INTO repository (project_id, name) SELECT id, $1 FROM project WHERE name = 'library' RETURNING id`,
        [name],
      );
      await ds.query(
        `INSERT INTO manifest (repository_id, digest, media_type, size, content) VALUES ($1, $2, 'x', 2, '\\x7b7d')`,
        [repo.id, DIGEST],
      );
    }
    dataDir = mkdtempSync(join(tmpdir(), 'berth-regevents-'));
    const config = parseConfig(workerEnv, {
      DATABASE_URL: db.url,
      REDIS_URL,
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, createLogger('worker', 'silent')), {
      logger: false,
    });
    await app.init();
    runtime = app.get(WorkerRuntime);
    queue = createQueue(QueueName.Events, REDIS_URL, prefix);
  });

  afterAll(async () => {
    await app?.close();
    for (const name of [QueueName.Events, QueueName.Maintenance]) {
      const q = createQueue(name, REDIS_URL, prefix);
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await queue?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await ds?.destroy();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes a batch’s audit entries and counts its pulls per repository, with the latest pull time', async () => {
    const t0 = new Date('2025-06-01T12:00:00.000Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const batch: RegistryEventBatch = {
      batchId: randomUUID(),
      events: [
        event('push', 'library/app', at(0), { actor: { name: 'alice', kind: 'user' } }),
        ...[1, 2, 3, 4, 5].map((s) => event('pull', 'library/app', at(s))),
        event('pull', 'library/web', at(9), { actor: { name: 'anonymous', kind: 'anonymous' }, sourceIp: null }),
        event('pull', 'library/app', at(6), { reference: OTHER_DIGEST, digest: OTHER_DIGEST }),
        event('delete', 'library/app', at(7), { resourceType: 'tag', reference: 'old', digest: null, mediaType: null }),
      ],
    };
    await send(batch);
    type Row = { resource: string; operation: string; op_time: Date } & Record<string, unknown>;
    const rows = await until(
      (): Promise<Row[]> =>
        ds.query(`SELECT * FROM audit_log WHERE detail ->> 'event_batch' = $1 ORDER BY op_time`, [batch.batchId]),
      (r) => r.length === batch.events.length,
    );
    expect(rows).toHaveLength(9);
    const [projectId] = (await ds.query(`SELECT id FROM project WHERE name = 'library'`)).map(
      (r: { id: number }) => r.id,
    );
    expect(rows[0]).toMatchObject({
      username: 'alice',
      actor_type: 'user',
      operation: 'push',
      resource_type: 'artifact',
      resource: 'library/app:1.0',
      project_id: projectId,
      source_ip: '10.1.2.3',
      result: 'success',
      detail: { digest: DIGEST, media_type: 'application/vnd.oci.image.manifest.v1+json', event_batch: batch.batchId },
    });
    expect(new Date(rows[0]!.op_time).toISOString()).toBe(t0.toISOString());
    expect(rows.find((r) => r.resource === `library/app@${OTHER_DIGEST}`)).toMatchObject({
      operation: 'pull',
    });
    expect(rows.find((r) => r.operation === 'delete')).toMatchObject({
      resource_type: 'tag',
      resource: 'library/app:old',
    });

    // Six pulls of library/app (five of DIGEST, one of a digest it does not hold), one of library/web.
    expect(await pullState('library/app')).toEqual({ pulls: 6, lastPulledAt: at(5) });
    expect(await pullState('library/web')).toEqual({ pulls: 1, lastPulledAt: at(9) });
  });

  it('applies a batch delivered twice only once, and never moves a last pull time backwards', async () => {
    const before = await pullState('library/app');
    const batch: RegistryEventBatch = {
      batchId: randomUUID(),
      events: [event('pull', 'library/app', new Date('2025-05-01T00:00:00Z'))],
    };
    await send(batch);
    // The same batch again under another job id: what a lost acknowledgement and a re-send amount to.
    await send(batch, `${batch.batchId}-again`);
    await until(
      async () => (await queue.getJobCounts('completed', 'waiting', 'active')) as Record<string, number>,
      (c) => (c['waiting'] ?? 0) + (c['active'] ?? 0) === 0,
    );
    await sleep(200);
    const rows = await ds.query(`SELECT id FROM audit_log WHERE detail ->> 'event_batch' = $1`, [batch.batchId]);
    expect(rows).toHaveLength(1);
    expect(await pullState('library/app')).toEqual({ pulls: before.pulls + 1, lastPulledAt: before.lastPulledAt });
  });

  it('removes entries older than audit_log_retention_days, and keeps everything with 0', async () => {
    await ds.query(
      `INSERT INTO audit_log (op_time, username, actor_type, operation, resource_type, resource)
       VALUES (now() - interval '40 days', 'old', 'user', 'create', 'project', 'a'),
              (now() - interval '10 days', 'recent', 'user', 'create', 'project', 'b')`,
    );
    const jobs = new JobRepository(ds);
    const runOnce = async () => {
      const executionId = await runtime.startAuditRetention(JobTrigger.Manual);
      expect(executionId).not.toBeNull();
      return until(
        async () => (await jobs.findExecution(executionId!))!,
        (e) => e.status === JobStatus.Success || e.status === JobStatus.Error,
      );
    };
    const count = async (username: string) =>
      Number((await ds.query('SELECT count(*) AS n FROM audit_log WHERE username = $1', [username]))[0].n);

    const keep = await runOnce();
    expect(keep.status).toBe(JobStatus.Success);
    expect(keep.extraAttrs).toMatchObject({ retentionDays: 0, deleted: 0 });
    expect(await count('old')).toBe(1);

    await ds.query(
      `INSERT INTO configuration (key, value, updated_at) VALUES ('audit_log_retention_days', '30', now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    );
    const purge = await runOnce();
    expect(purge.status).toBe(JobStatus.Success);
    // The seeded June 2025 registry events are older than 30 days too; only entries within the window stay.
    const deleted = (purge.extraAttrs as { deleted: number }).deleted;
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await count('old')).toBe(0);
    expect(await count('recent')).toBe(1);
    const cutoff = new Date((purge.extraAttrs as { cutoff: string }).cutoff).getTime();
    expect(Math.abs(Date.now() - 30 * DAY_MS - cutoff)).toBeLessThan(60_000);
  });
});
