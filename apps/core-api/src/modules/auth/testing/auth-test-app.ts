/*
 * A core-api over a throwaway database and a private Redis key prefix, with small HTTP helpers, for the identity
 * int specs (auth, users, user groups, tokens). Test-only: nothing in the application imports it.
 */
import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createCoreApi } from '../../../bootstrap';
import { coreApiEnv } from '../../../config/core-api.config';

/** The bootstrap admin's password in the identity specs. */
export const TEST_ADMIN_PASSWORD = 'Correct-horse-battery-1';

/** Builds a Basic Authorization header value. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** What a request may carry besides method and path. */
export interface TestRequest {
  method?: string;
  auth?: string;
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** A fake client address, honoured because the test client is a trusted (loopback) proxy. */
  ip?: string;
}

/** A running core-api for a spec. */
export interface AuthTestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  dataSource: DataSource;
  redis: Redis;
  /** Sends a request to a path under the origin (`/api/v2.0/...` or `/c/...`). */
  request(path: string, init?: TestRequest): Promise<Response>;
  /** Sends a request under /api/v2.0 and parses the JSON answer (undefined for an empty body). */
  api<T = unknown>(path: string, init?: TestRequest): Promise<{ status: number; body: T; headers: Headers }>;
  /** Changes settings as admin through PUT /configurations. */
  configure(settings: Record<string, unknown>): Promise<void>;
  /** Creates a local account through POST /users as admin and returns its id. */
  createUser(username: string, password: string, extra?: Record<string, unknown>): Promise<number>;
  close(): Promise<void>;
}

/** Starts a core-api for one spec. */
export async function startAuthTestApp(name: string, env: Record<string, string> = {}): Promise<AuthTestApp> {
  const db: TestDatabase = await createTestDatabase(name, { migrate: true });
  const dataDir = mkdtempSync(join(tmpdir(), `berth-${name}-it-`));
  const prefix = `berth-${name}-it-${process.pid}`;
  const redisUrl = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
  const config = parseConfig(coreApiEnv, {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    BERTH_REDIS_PREFIX: prefix,
    BERTH_DATA_DIR: dataDir,
    BERTH_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    BERTH_SECRET_KEY: 'an-int-spec-secret-key-of-at-least-32-characters',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createCoreApi(config, createLogger('core-api', 'silent'));
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const redis = new Redis(redisUrl);
  const admin = basic('admin', TEST_ADMIN_PASSWORD);

  const request = (path: string, init: TestRequest = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth) headers['authorization'] = init.auth;
    if (init.ip) headers['x-forwarded-for'] = init.ip;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    return fetch(`${origin}${path}`, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
  };
  const api = async <T>(path: string, init?: TestRequest) => {
    const response = await request(`/api/v2.0${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };
  return {
    app,
    origin,
    dataSource: app.get(DataSource),
    redis,
    request,
    api,
    async configure(settings) {
      const { status, body } = await api('/configurations', { method: 'PUT', auth: admin, body: settings });
      if (status !== 200) throw new Error(`PUT /configurations answered ${status}: ${JSON.stringify(body)}`);
    },
    async createUser(username, password, extra = {}) {
      const { status, body } = await api<{ user_id: number }>('/users', {
        method: 'POST',
        auth: admin,
        body: { username, password, ...extra },
      });
      if (status !== 201) throw new Error(`POST /users answered ${status}: ${JSON.stringify(body)}`);
      return body.user_id;
    },
    async close() {
      await app.close();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
