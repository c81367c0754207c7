import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import { AuditLogEntity, ConfigurationRepository, UserRepository } from '@berth/db';
import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createCoreApi } from '../../bootstrap';
import { coreApiEnv } from '../../config/core-api.config';
import { PasswordHasher } from '../users/password-hasher';
import { CONFIGURATION_DEFAULTS, CONFIGURATION_KEYS } from './configuration-keys';
import { CONFIGURATION_CACHE_MS, ConfigurationsService } from './configurations.service';

const ADMIN_PASSWORD = 'correct-horse-battery';
const SECRET_KEY = 'an-int-spec-secret-key-of-at-least-32-characters';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const ADMIN = basic('admin', ADMIN_PASSWORD);
const LDAP_READY = { ldap_url: 'ldap://ldap.example.test', ldap_base_dn: 'dc=example,dc=test' };

describe('/configurations against real Postgres', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let dataDir: string;
  let dataSource: DataSource;

  const get = (authorization?: string) =>
    fetch(`${base}/configurations`, { headers: authorization ? { authorization } : {} });
  const put = (body: unknown, authorization = ADMIN) =>
    fetch(`${base}/configurations`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const values = async (): Promise<Record<string, unknown>> => {
    const body = (await (await get(ADMIN)).json()) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(body).map(([key, item]) => [key, item.value]));
  };
  const auditRows = () =>
    dataSource.getRepository(AuditLogEntity).find({ where: { resourceType: 'configuration' }, order: { id: 'ASC' } });

  beforeAll(async () => {
    db = await createTestDatabase('configurations', { migrate: true });
    dataDir = mkdtempSync(join(tmpdir(), 'berth-configurations-it-'));
    const config = parseConfig(coreApiEnv, {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
      BERTH_REDIS_PREFIX: `berth-configurations-it-${process.pid}`,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BERTH_SECRET_KEY: SECRET_KEY,
      LOG_LEVEL: 'silent',
    });
    app = await createCoreApi(config, createLogger('core-api', 'silent'));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v2.0`;
    dataSource = app.get(DataSource);
    await app.get(UserRepository).insertIfAbsent({
      username: 'dev',
      email: null,
      realname: 'Developer',
      passwordHash: await app.get(PasswordHasher).hash('dev-password'),
      sysadmin: false,
      source: 'local',
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every setting with its default as { value, editable }, and no password', async () => {
    const response = await get(ADMIN);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    for (const key of CONFIGURATION_KEYS) {
      expect(body[key], key).toEqual({ value: CONFIGURATION_DEFAULTS[key], editable: true });
    }
    expect(body['ldap_search_password_set']).toEqual({ value: false, editable: false });
    expect(body).not.toHaveProperty('ldap_search_password');
    expect(Object.keys(body)).toHaveLength(CONFIGURATION_KEYS.length + 1);
  });

  it('is for system administrators only', async () => {
    expect((await get()).status).toBe(401);
    expect((await get(basic('dev', 'dev-password'))).status).toBe(403);
    expect((await put({ self_registration: true }, basic('dev', 'dev-password'))).status).toBe(403);
    expect((await values())['self_registration']).toBe(false);
  });

  it('changes only the keys sent, and audits which ones changed', async () => {
    const before = await values();
    const response = await put({ token_expiration: 45, robot_name_prefix: 'bot+', self_registration: false });
    expect(response.status).toBe(200);
    expect(await values()).toEqual({ ...before, token_expiration: 45, robot_name_prefix: 'bot+' });
    const rows = await auditRows();
    expect(rows.at(-1)).toMatchObject({
      username: 'admin',
      operation: 'update',
      resource: 'configurations',
      detail: { changed_keys: ['robot_name_prefix', 'token_expiration'] },
    });
    // Sending the same values again changes nothing and audits nothing.
    expect((await put({ token_expiration: 45 })).status).toBe(200);
    expect(await auditRows()).toHaveLength(rows.length);
  });

  it.each([
    [{ no_such_setting: 1 }, 'property no_such_setting should not exist'],
    [{ auth_mode: 'oidc_auth' }, 'auth_mode must be one of the following values: db_auth, ldap_auth'],
    [{ ldap_scope: 3 }, 'ldap_scope must be one of the following values: 0, 1, 2'],
    [{ ldap_timeout: 0 }, 'ldap_timeout must not be less than 1'],
    [{ token_expiration: '30' }, 'token_expiration must be an integer number'],
    [{ ldap_url: 'http://ldap.example.test' }, 'ldap_url must be an ldap:// or ldaps:// URL'],
    [{ ldap_filter: '(uid=alice' }, 'ldap_filter must be an LDAP filter'],
    [{ ldap_uid: 'u id' }, 'ldap_uid must be an LDAP attribute name'],
    [{ robot_name_prefix: 'robot:' }, 'robot_name_prefix must not contain blanks, ":" or "/"'],
    [{ self_registration: 'yes' }, 'self_registration must be a boolean value'],
    [{ auth_mode: 'ldap_auth' }, 'auth_mode ldap_auth needs ldap_url and ldap_base_dn'],
  ])('refuses %j with 400 and changes nothing', async (body, message) => {
    const before = await values();
    const response = await put({ login_lockout_threshold: 3, ...body });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { code: string; message: string }[] };
    expect(errors[0]?.code).toBe('BAD_REQUEST');
    expect(errors[0]?.message).toContain(message);
    expect(await values()).toEqual(before);
  });

  it('switches to ldap_auth while local users exist (unlike Harbor), and back', async () => {
    expect((await put({ auth_mode: 'ldap_auth', ...LDAP_READY })).status).toBe(200);
    expect(await values()).toMatchObject({ auth_mode: 'ldap_auth', ...LDAP_READY });
    expect(await app.get(ConfigurationsService).getAuthMode()).toBe('ldap_auth');
    const systeminfo = (await (await fetch(`${base}/systeminfo`)).json()) as { auth_mode: string };
    expect(systeminfo.auth_mode).toBe('ldap_auth');
    // Clearing the URL while LDAP sign-in is on would lock LDAP users out.
    expect((await put({ ldap_url: '' })).status).toBe(400);
    expect((await put({ auth_mode: 'db_auth', ldap_url: '' })).status).toBe(200);
  });

  it('stores the bind password encrypted, never returns it, and hands it decrypted to the LDAP module', async () => {
    const password = 'bind-pässword-for-ldap';
    expect((await put({ ldap_search_password: password })).status).toBe(200);
    const response = await get(ADMIN);
    const text = await response.text();
    expect(text).not.toContain(password);
    expect(JSON.parse(text).ldap_search_password_set).toEqual({ value: true, editable: false });
    const [row] = (await dataSource.query(
      `SELECT "value" FROM "configuration" WHERE "key" = 'ldap_search_password'`,
    )) as {
      value: string;
    }[];
    expect(row?.value).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(password);
    expect((await app.get(ConfigurationsService).getLdapSettings()).searchPassword).toBe(password);

    const audits = await auditRows();
    expect(audits.at(-1)?.detail).toEqual({ changed_keys: ['ldap_search_password'] });
    expect(JSON.stringify(audits)).not.toContain(password);
    // The same password again is no change, even though sealing it again would give other bytes.
    expect((await put({ ldap_search_password: password })).status).toBe(200);
    expect(await auditRows()).toHaveLength(audits.length);

    expect((await put({ ldap_search_password: '' })).status).toBe(200);
    expect((await values())['ldap_search_password_set']).toBe(false);
    expect((await app.get(ConfigurationsService).getLdapSettings()).searchPassword).toBe('');
  });

  it('serves reads from a cache that picks up changes made elsewhere within a few seconds', async () => {
    const service = app.get(ConfigurationsService);
    expect((await service.getSecurityPolicy()).loginLockoutMinutes).toBe(15);
    // Another replica's write: straight into the table, bypassing this replica's service.
    await app.get(ConfigurationRepository).setMany({ login_lockout_minutes: 20 });
    expect((await service.getSecurityPolicy()).loginLockoutMinutes).toBe(15);
    await sleep(CONFIGURATION_CACHE_MS + 100);
    expect((await service.getSecurityPolicy()).loginLockoutMinutes).toBe(20);
  });
});
