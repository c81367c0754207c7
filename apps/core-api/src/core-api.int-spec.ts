import { createLogger, type OverallHealth } from '@berth/common';
import { parseConfig } from '@berth/config';
import { UserEntity } from '@berth/db';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplication, type Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { verify } from '@node-rs/argon2';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createCoreApi } from './bootstrap';
import { coreApiEnv } from './config/core-api.config';
import { IS_PUBLIC } from './common/decorators/public.decorator';
import { type SystemInfoDto } from './modules/system/dto/system-info.dto';
import { SystemController } from './modules/system/system.controller';

const ADMIN_PASSWORD = 'correct-horse-battery';

describe('core-api against real Postgres and Redis', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let dataDir: string;
  const prefix = `berth-it-${process.pid}`;
  const redis = new Redis(process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0');

  beforeAll(async () => {
    db = await createTestDatabase('core_api', { migrate: true });
    dataDir = mkdtempSync(join(tmpdir(), 'berth-core-api-'));
    const config = parseConfig(coreApiEnv, {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BERTH_REGISTRY_URL: 'registry.example.test:5000',
      // Nothing listens on port 9 (discard): the registry component must report unhealthy, not hang.
      BERTH_REGISTRY_HEALTH_URL: 'http://127.0.0.1:9/health',
      LOG_LEVEL: 'silent',
    });
    app = await createCoreApi(config, createLogger('core-api', 'silent'));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${port}/api/v2.0`;
  });

  afterAll(async () => {
    await app?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers ping with Pong', async () => {
    const response = await fetch(`${base}/ping`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Pong');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports systeminfo from configuration and the database', async () => {
    const response = await fetch(`${base}/systeminfo`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SystemInfoDto;
    expect(body).toMatchObject({
      storage_backend: 'filesystem',
      auth_mode: 'db_auth',
      registry_url: 'registry.example.test:5000',
      with_console: false,
    });
    expect(typeof body.berth_version).toBe('string');
  });

  it('reports each component, and the missing worker and registry as unhealthy with 503', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as OverallHealth;
    const byName = Object.fromEntries(body.components.map((c) => [c.name, c.status]));
    expect(byName).toEqual({
      core: 'healthy',
      database: 'healthy',
      redis: 'healthy',
      storage: 'healthy',
      registry: 'unhealthy',
      worker: 'unhealthy',
    });
    expect(body.status).toBe('unhealthy');
  });

  it('sees a worker once its heartbeat is in Redis', async () => {
    await redis.set(`${prefix}:worker:heartbeat:test-worker`, '{}', 'EX', 30);
    const body = (await (await fetch(`${base}/health`)).json()) as OverallHealth;
    expect(body.components.find((c) => c.name === 'worker')).toMatchObject({
      status: 'healthy',
      details: { workers: 1 },
    });
  });

  it('bootstraps the admin account once, with an argon2id hash of the given password', async () => {
    const ds = app.get(DataSource);
    const admins = await ds
      .getRepository(UserEntity)
      .find({ where: { username: 'admin' }, select: ['id', 'passwordHash', 'sysadmin'] });
    expect(admins).toHaveLength(1);
    expect(admins[0]!.sysadmin).toBe(true);
    expect(admins[0]!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admins[0]!.passwordHash!, ADMIN_PASSWORD)).toBe(true);
  });

  it('answers unknown routes with a JSON error body, not HTML', async () => {
    const response = await fetch(`${base}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ code: 'NOT_FOUND', message: expect.any(String) }] });
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { paths: Record<string, unknown>; servers: unknown };
    // Paths are relative to the server URL, as in Harbor's document (basePath /api/v2.0).
    expect(doc.servers).toEqual([{ url: '/api/v2.0' }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/ping', '/health', '/systeminfo']));
  });

  it('declares every route public or guarded by a permission', () => {
    const controllers = [...app.get(ModulesContainer).values()]
      .flatMap((m) => [...m.controllers.values()])
      .map((w) => w.metatype as Type);
    expect(controllers).toContain(SystemController);
    for (const controller of controllers) {
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const handler = controller.prototype[name as keyof typeof controller.prototype];
        const declared =
          Reflect.getMetadata(IS_PUBLIC, handler) ??
          Reflect.getMetadata(IS_PUBLIC, controller) ??
          Reflect.getMetadata('berth:permission', handler);
        expect(declared, `${controller.name}.${name}`).toBeDefined();
      }
    }
  });
});
