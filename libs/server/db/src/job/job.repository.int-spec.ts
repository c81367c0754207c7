import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { JobRepository } from './job.repository';
import { JobStatus, JobTrigger } from './job.types';

/** A job kind only these tests use, so their tasks never mix with real ones. */
const TEST_KIND = 'TEST_JOB';
/** A lease short enough to run out within a test, long enough for the claims made while it holds. */
const SHORT_LEASE_MS = 300;
/** A lease that does not run out during a test. */
const LONG_LEASE_MS = 60_000;

describe('JobRepository against real Postgres', () => {
  let db: TestDatabase;
  let workerA: DataSource;
  let workerB: DataSource;
  let jobsA: JobRepository;
  let jobsB: JobRepository;

  beforeAll(async () => {
    db = await createTestDatabase('job_repository', { migrate: true });
    // Two data sources with pools of their own, as two worker processes would have.
    workerA = await new DataSource(dataSourceOptions({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: 4 })).initialize();
    workerB = await new DataSource(dataSourceOptions({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: 4 })).initialize();
    jobsA = new JobRepository(workerA);
    jobsB = new JobRepository(workerB);
  });

  afterAll(async () => {
    await workerA?.destroy();
    await workerB?.destroy();
    await db?.drop();
  });

  beforeEach(async () => {
    await workerA.query('TRUNCATE execution CASCADE');
  });

  const create = async (tasks: number, maxAttempts = 3) =>
    (await jobsA.createExecution({
      vendorType: TEST_KIND,
      trigger: JobTrigger.Manual,
      extraAttrs: { dryRun: false },
      tasks: Array.from({ length: tasks }, (_, i) => ({ maxAttempts, extraAttrs: { unit: i } })),
    }))!;

  it('writes an execution and its tasks as Pending in one go', async () => {
    const { executionId, taskIds } = await create(3);

    expect(taskIds).toHaveLength(3);
    expect(await jobsA.findExecution(executionId)).toMatchObject({
      vendorType: TEST_KIND,
      vendorId: null,
      trigger: 'MANUAL',
      status: 'Pending',
      extraAttrs: { dryRun: false },
      endedAt: null,
      metrics: { total: 3, Pending: 3, Running: 0, Success: 0, Error: 0, Stopped: 0 },
    });
    const tasks = await jobsA.listTasks(executionId);
    expect(tasks.map((t) => [t.id, t.status, t.attempts, t.maxAttempts, t.extraAttrs])).toEqual([
      [taskIds[0], 'Pending', 0, 3, { unit: 0 }],
      [taskIds[1], 'Pending', 0, 3, { unit: 1 }],
      [taskIds[2], 'Pending', 0, 3, { unit: 2 }],
    ]);
  });

  it('gives each of many concurrent claimers a different task, and nothing once all are taken', async () => {
    const { executionId, taskIds } = await create(4);

    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? jobsA : jobsB).claimNext([TEST_KIND], `worker-${i}`, LONG_LEASE_MS)),
    );

    const won = claims.filter((claim) => claim !== undefined);
    expect(won.map((claim) => claim.taskId).sort()).toEqual([...taskIds].sort());
    expect(new Set(won.map((claim) => claim.owner)).size).toBe(4);
    expect(won.every((claim) => claim.attempt === 1)).toBe(true);
    expect(await jobsA.claimNext([TEST_KIND], 'late', LONG_LEASE_MS)).toBeUndefined();
    expect((await jobsA.findExecution(executionId))?.metrics).toMatchObject({ Running: 4, Pending: 0 });
    expect((await jobsA.findExecution(executionId))?.status).toBe('Running');
  });

  it('lets two workers racing for the same task have it once', async () => {
    const { taskIds } = await create(1);

    const [a, b] = await Promise.all([
      jobsA.claimTask(taskIds[0]!, 'a', LONG_LEASE_MS),
      jobsB.claimTask(taskIds[0]!, 'b', LONG_LEASE_MS),
    ]);

    expect([a, b].filter((claim) => claim !== undefined)).toHaveLength(1);
  });

  it('hands a task whose lease ran out to another worker, and fences off the first one', async () => {
    const { executionId, taskIds } = await create(1);
    const dead = (await jobsA.claimTask(taskIds[0]!, 'dead-worker', SHORT_LEASE_MS))!;
    expect(await jobsB.claimTask(taskIds[0]!, 'worker-b', LONG_LEASE_MS)).toBeUndefined();
    expect(await jobsB.findDueTasks([TEST_KIND], 10)).toEqual([]);

    await sleep(SHORT_LEASE_MS * 2);

    expect(await jobsB.findDueTasks([TEST_KIND], 10)).toEqual([
      { taskId: taskIds[0], executionId, vendorType: TEST_KIND, attempts: 1 },
    ]);
    const taken = (await jobsB.claimTask(taskIds[0]!, 'worker-b', LONG_LEASE_MS))!;
    expect(taken).toMatchObject({ owner: 'worker-b', attempt: 2 });
    expect(await jobsA.renewLease(dead, LONG_LEASE_MS)).toBe(false);
    expect(await jobsA.finishTask(dead, { status: JobStatus.Success, extraAttrs: { by: 'dead' } })).toBe(false);
    expect(await jobsB.finishTask(taken, { status: JobStatus.Success, extraAttrs: { by: 'b' } })).toBe(true);

    const [task] = await jobsA.listTasks(executionId);
    expect(task).toMatchObject({ status: 'Success', attempts: 2, extraAttrs: { unit: 0, by: 'b' }, leaseOwner: null });
    expect((await jobsA.findExecution(executionId))?.status).toBe('Success');
  });

  it('keeps a renewed lease past its first expiry', async () => {
    const { taskIds } = await create(1);
    const lease = (await jobsA.claimTask(taskIds[0]!, 'worker-a', SHORT_LEASE_MS))!;

    await sleep(SHORT_LEASE_MS / 2);
    expect(await jobsA.renewLease(lease, LONG_LEASE_MS)).toBe(true);
    await sleep(SHORT_LEASE_MS);

    expect(await jobsB.claimTask(taskIds[0]!, 'worker-b', LONG_LEASE_MS)).toBeUndefined();
  });

  it('rolls the execution up: running until the last task ends, then Error with the first failure', async () => {
    const { executionId } = await create(3, 1);
    const [first, second, third] = await Promise.all([
      jobsA.claimNext([TEST_KIND], 'a', LONG_LEASE_MS),
      jobsA.claimNext([TEST_KIND], 'b', LONG_LEASE_MS),
      jobsA.claimNext([TEST_KIND], 'c', LONG_LEASE_MS),
    ]);

    await jobsA.finishTask(first!, { status: JobStatus.Success });
    expect(await jobsA.failAttempt(second!, 'storage unreachable', 0)).toBe('error');
    expect(await jobsA.findExecution(executionId)).toMatchObject({ status: 'Running', endedAt: null });

    await jobsA.finishTask(third!, { status: JobStatus.Success, executionAttrs: { removed: 7 } });

    const execution = (await jobsA.findExecution(executionId))!;
    expect(execution).toMatchObject({
      status: 'Error',
      statusMessage: 'storage unreachable',
      extraAttrs: { dryRun: false, removed: 7 },
      metrics: { total: 3, Success: 2, Error: 1 },
    });
    expect(execution.endedAt).toBeInstanceOf(Date);
  });

  it('rolls concurrent finishes of the last tasks up to Success', async () => {
    const { executionId } = await create(6);
    const leases = await Promise.all(
      Array.from({ length: 6 }, (_, i) => jobsA.claimNext([TEST_KIND], `w${i}`, LONG_LEASE_MS)),
    );

    await Promise.all(
      leases.map((lease, i) => (i % 2 ? jobsA : jobsB).finishTask(lease!, { status: JobStatus.Success })),
    );

    expect(await jobsA.findExecution(executionId)).toMatchObject({ status: 'Success', metrics: { Success: 6 } });
  });

  it('retries a failed attempt after its delay and ends in Error after the last one', async () => {
    const { executionId, taskIds } = await create(1, 2);
    const first = (await jobsA.claimTask(taskIds[0]!, 'a', LONG_LEASE_MS))!;

    expect(await jobsA.failAttempt(first, 'first failure', SHORT_LEASE_MS)).toBe('retry');
    expect(await jobsA.listTasks(executionId)).toMatchObject([
      { status: 'Pending', attempts: 1, statusMessage: 'first failure' },
    ]);
    expect((await jobsA.findExecution(executionId))?.status).toBe('Running');
    expect(await jobsB.claimTask(taskIds[0]!, 'b', LONG_LEASE_MS)).toBeUndefined();

    await sleep(SHORT_LEASE_MS * 2);
    const second = (await jobsB.claimTask(taskIds[0]!, 'b', LONG_LEASE_MS))!;
    expect(second.attempt).toBe(2);
    expect(await jobsB.failAttempt(second, 'second failure', SHORT_LEASE_MS)).toBe('error');

    expect(await jobsA.findExecution(executionId)).toMatchObject({
      status: 'Error',
      statusMessage: 'second failure',
    });
    expect(await jobsA.claimTask(taskIds[0]!, 'c', LONG_LEASE_MS)).toBeUndefined();
  });

  it('ends a task whose worker died on its last attempt in Error', async () => {
    const { executionId, taskIds } = await create(1, 1);
    await jobsA.claimTask(taskIds[0]!, 'dead-worker', SHORT_LEASE_MS);

    expect(await jobsB.failAbandonedTasks()).toBe(0);
    await sleep(SHORT_LEASE_MS * 2);
    expect(await jobsB.findDueTasks([TEST_KIND], 10)).toEqual([]);
    expect(await jobsB.failAbandonedTasks()).toBe(1);

    expect(await jobsA.findExecution(executionId)).toMatchObject({
      status: 'Error',
      statusMessage: 'the worker running the task stopped renewing its lease on the last attempt (1 of 1)',
    });
  });

  it('gives a released task back without spending an attempt', async () => {
    const { executionId, taskIds } = await create(1, 1);
    const lease = (await jobsA.claimTask(taskIds[0]!, 'a', LONG_LEASE_MS))!;

    expect(await jobsA.releaseTask(lease, 0, 'another run holds the lock')).toBe(true);

    expect(await jobsA.listTasks(executionId)).toMatchObject([{ status: 'Pending', attempts: 0 }]);
    expect(await jobsB.claimTask(taskIds[0]!, 'b', LONG_LEASE_MS)).toMatchObject({ attempt: 1 });
  });

  it('stops an execution: pending and running tasks end Stopped and their worker loses the lease', async () => {
    const { executionId, taskIds } = await create(2);
    const running = (await jobsA.claimTask(taskIds[0]!, 'a', LONG_LEASE_MS))!;

    expect(await jobsB.stopExecution(executionId)).toBe(true);

    expect(await jobsA.renewLease(running, LONG_LEASE_MS)).toBe(false);
    expect(await jobsA.findExecution(executionId)).toMatchObject({ status: 'Stopped', metrics: { Stopped: 2 } });
    expect(await jobsB.stopExecution(executionId)).toBe(false);
  });

  it('creates no second execution of a kind while one is active, when asked not to', async () => {
    const spec = { vendorType: TEST_KIND, trigger: JobTrigger.Schedule, tasks: [{ maxAttempts: 1 }] };
    const [one, two] = await Promise.all([
      jobsA.createExecution(spec, { unlessActive: true }),
      jobsB.createExecution(spec, { unlessActive: true }),
    ]);
    const created = [one, two].filter((execution) => execution !== undefined);
    expect(created).toHaveLength(1);

    const lease = (await jobsA.claimTask(created[0]!.taskIds[0]!, 'a', LONG_LEASE_MS))!;
    await jobsA.finishTask(lease, { status: JobStatus.Success });

    expect(await jobsB.createExecution(spec, { unlessActive: true })).toBeDefined();
    expect(await jobsA.listExecutions(TEST_KIND, { limit: 10 })).toHaveLength(2);
  });

  it('lets one run at a time hold the run lock of a kind', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const first = jobsA.withRunLock(TEST_KIND, null, () => holding.then(() => 'first'));
    await sleep(100);

    expect(await jobsB.withRunLock(TEST_KIND, null, async () => 'second')).toEqual({ acquired: false });
    expect(await jobsB.withRunLock(TEST_KIND, 42, async () => 'other policy')).toEqual({
      acquired: true,
      result: 'other policy',
    });
    release();
    expect(await first).toEqual({ acquired: true, result: 'first' });
    expect(await jobsB.withRunLock(TEST_KIND, null, async () => 'third')).toEqual({ acquired: true, result: 'third' });
  });
});
