/*
 * What the tenancy integration specs share: a core-api on a throwaway database, local users created with argon2
 * hashes, and a small HTTP client that signs in as one of them.
 */
import { generateTokenKeyPair } from '@berth/auth';
import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import { UserRepository } from '@berth/db';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createCoreApi } from '../../bootstrap';
import { coreApiEnv } from '../../config/core-api.config';
import { PasswordHasher } from '../users/password-hasher';

/** The admin password the specs start core-api with. */
export const ADMIN_PASSWORD = 'correct-horse-battery';

/** The password of every local user the specs create. */
export const USER_PASSWORD = 'user-password-1';

/** Builds a Basic authorization header. */
export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A caller of the API: a username (Basic auth with its password) or anonymous. */
export type Caller = string | null;

/** A running core-api for one spec file. */
export interface TenancyApi {
  base: string;
  db: TestDatabase;
  dataSource: DataSource;
  /** Creates local users (not administrators) with USER_PASSWORD; returns their ids by name. */
  createUsers(...usernames: string[]): Promise<Record<string, number>>;
  /** Sends a request as a caller; `body` is sent as JSON. */
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Starts core-api on a fresh migrated database; `env` adds settings (e.g. BERTH_REGISTRY_INTERNAL_URL). */
export async function startTenancyApi(
  prefix: string,
  env: Record<string, string> = {},
  db?: TestDatabase,
): Promise<TenancyApi> {
  const database = db ?? (await createTestDatabase(prefix, { migrate: true }));
  const dataDir = mkdtempSync(join(tmpdir(), `berth-${prefix}-`));
  const redisPrefix = `berth-${prefix}-it-${process.pid}`;
  const redisUrl = process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0';
  const config = parseConfig(coreApiEnv, {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    BERTH_REDIS_PREFIX: redisPrefix,
    BERTH_DATA_DIR: dataDir,
    BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    BERTH_TOKEN_SIGNING_KEY: generateTokenKeyPair().privateKeyPem,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app: INestApplication = await createCoreApi(config, createLogger('core-api', 'silent'));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer() as { address(): AddressInfo }).address().port}/api/v2.0`;
  const dataSource = app.get(DataSource);
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(USER_PASSWORD);
  return {
    base,
    db: database,
    dataSource,
    async createUsers(...usernames) {
      const users = new UserRepository(dataSource);
      const ids: Record<string, number> = {};
      for (const username of usernames) {
        await users.insertIfAbsent({
          username,
          email: `${username}@example.test`,
          realname: username,
          passwordHash,
          sysadmin: false,
          source: 'local',
        });
        ids[username] = (await users.findByUsername(username))!.id;
      }
      return ids;
    },
    call(caller, method, path, body) {
      const headers: Record<string, string> = {};
      if (caller) headers['authorization'] = basic(caller, caller === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD);
      if (body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async close() {
      await app.close();
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${redisPrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads a JSON body, failing with the status and text when it is not JSON. */
export async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`expected JSON, got ${res.status}: ${text}`);
  }
}
