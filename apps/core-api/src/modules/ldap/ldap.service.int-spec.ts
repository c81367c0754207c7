import { createLogger } from '@berth/common';
import { parseConfig } from '@berth/config';
import { UserEntity, UserRepository } from '@berth/db';
import { createTestDatabase, freePort, LDAP_FIXTURE, type TestDatabase } from '@berth/testing';
import { type INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ANONYMOUS } from '../../common/auth/principal';
import { createCoreApi } from '../../bootstrap';
import { coreApiEnv } from '../../config/core-api.config';
import { ConfigurationsService } from '../configurations/configurations.service';
import { type ConfigurationsDto } from '../configurations/dto/configurations.dto';
import { LdapUserProvisioner } from './ldap-user.provisioner';
import { LdapException } from './ldap.exception';
import { LdapService } from './ldap.service';

const ADMIN_PASSWORD = 'correct-horse-battery';
const SECRET_KEY = 'an-int-spec-secret-key-of-at-least-32-characters';
const { users, groups } = LDAP_FIXTURE;
const lower = (dns: readonly string[]) => dns.map((dn) => dn.toLowerCase()).sort();

/** The fixture's server with Berth's usual settings; each test changes what it needs. */
function baseSettings(): ConfigurationsDto {
  return {
    auth_mode: 'ldap_auth',
    ldap_url: process.env['BERTH_TEST_LDAP_URL'] ?? '',
    ldap_search_dn: LDAP_FIXTURE.searchDn,
    ldap_search_password: LDAP_FIXTURE.searchPassword,
    ldap_base_dn: LDAP_FIXTURE.peopleDn,
    ldap_filter: '(objectClass=inetOrgPerson)',
    ldap_uid: 'uid',
    ldap_scope: 2,
    ldap_timeout: 2,
    ldap_group_base_dn: LDAP_FIXTURE.groupsDn,
    ldap_group_search_filter: '(objectClass=groupOfNames)',
    ldap_group_membership_attribute: 'memberof',
    ldap_group_admin_dn: LDAP_FIXTURE.adminGroupDn,
    ldap_nested_groups_depth: 0,
    ldap_group_cache_ttl_seconds: 0,
  };
}

/** A TCP proxy to the test OpenLDAP that can hold back the server's answers, and counts the connections open. */
interface LdapProxy {
  url: string;
  /** Connections from Berth still open. */
  open(): number;
  close(): Promise<void>;
}

/** Starts an LdapProxy that delivers every chunk the server sends `delayMs` late. */
async function startLdapProxy(target: string, delayMs = 0): Promise<LdapProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(port), hostname);
    const closeBoth = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closeBoth).on('error', closeBoth);
    upstream.on('close', closeBoth).on('error', closeBoth);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      setTimeout(() => {
        if (!client.destroyed) client.write(chunk);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ldap://127.0.0.1:${(server.address() as AddressInfo).port}`,
    open: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Waits up to `withinMs` for a condition, polling every few milliseconds; answers whether it came true. */
async function eventually(condition: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (err) {
    if (err instanceof LdapException) return { code: err.code, message: err.message, ms: Date.now() - started };
    throw err;
  }
  throw new Error('expected an LdapException');
}

describe('LdapService against the test OpenLDAP', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let base: string;
  let dataDir: string;
  let ldap: LdapService;
  let configurations: ConfigurationsService;
  let provisioner: LdapUserProvisioner;
  let silentServer: Server;
  let silentPort: number;
  const silentSockets = new Set<Socket>();
  const prefix = `berth-ldap-it-${process.pid}`;
  const redis = new Redis(process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0');
  const admin = `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}`;

  const configure = (changes: ConfigurationsDto) =>
    configurations.update({ principal: ANONYMOUS, sourceIp: null }, { ...baseSettings(), ...changes });

  beforeAll(async () => {
    db = await createTestDatabase('ldap', { migrate: true });
    dataDir = mkdtempSync(join(tmpdir(), 'berth-core-api-ldap-'));
    const config = parseConfig(coreApiEnv, {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      BERTH_SECRET_KEY: SECRET_KEY,
      LOG_LEVEL: 'silent',
    });
    app = await createCoreApi(config, createLogger('core-api', 'silent'));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v2.0`;
    ldap = app.get(LdapService);
    configurations = app.get(ConfigurationsService);
    provisioner = app.get(LdapUserProvisioner);
    // A server that accepts connections and never says a word: the worst kind of LDAP outage.
    silentServer = createServer((socket) => {
      // Reading (and ignoring) what Berth sends lets the server notice when Berth hangs up.
      socket.resume();
      silentSockets.add(socket);
      socket.on('close', () => silentSockets.delete(socket));
    });
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    silentPort = (silentServer.address() as AddressInfo).port;
  });

  beforeEach(async () => {
    await configure({});
  });

  afterAll(async () => {
    for (const socket of silentSockets) socket.destroy();
    await new Promise((resolve) => silentServer?.close(resolve));
    await app?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('authenticate', () => {
    it('returns the person and their groups from memberOf', async () => {
      const result = await ldap.authenticate('alice', users.alice.password);
      expect(result).toEqual({
        dn: users.alice.dn,
        username: 'alice',
        email: 'alice@berth.test',
        realname: 'Alice Archer',
        groupDns: lower([groups.developers]),
        isAdminGroupMember: false,
      });
    });

    it('matches the login name case-insensitively and answers with the directory spelling', async () => {
      expect((await ldap.authenticate('ALICE', users.alice.password)).username).toBe('alice');
    });

    it('marks members of ldap_group_admin_dn', async () => {
      const result = await ldap.authenticate('carol', users.carol.password);
      expect(result.groupDns).toEqual(lower([groups.admins]));
      expect(result.isAdminGroupMember).toBe(true);
    });

    it('follows nested groups only as deep as configured', async () => {
      expect((await ldap.authenticate('dave', users.dave.password)).groupDns).toEqual(lower([groups.teamA]));
      await configure({ ldap_nested_groups_depth: 1 });
      expect((await ldap.authenticate('dave', users.dave.password)).groupDns).toEqual(
        lower([groups.teamA, groups.developers]),
      );
    });

    it('finds groups by a reverse member search when the entry has no membership attribute', async () => {
      await configure({ ldap_group_membership_attribute: 'isMemberOf', ldap_nested_groups_depth: 3 });
      expect((await ldap.authenticate('frank', users.frank.password)).groupDns).toEqual(lower([groups.guests]));
      expect((await ldap.authenticate('dave', users.dave.password)).groupDns).toEqual(
        lower([groups.teamA, groups.developers]),
      );
      expect((await ldap.authenticate('eve', users.eve.password)).groupDns).toEqual([]);
    });

    it('keeps only memberOf groups below the group base DN', async () => {
      await configure({ ldap_group_base_dn: `ou=elsewhere,${LDAP_FIXTURE.baseDn}` });
      expect((await ldap.authenticate('alice', users.alice.password)).groupDns).toEqual([]);
    });

    it.each([
      ['a wrong password', 'alice', 'wrong-password', ''],
      ['an unknown name', 'mallory', 'whatever', ''],
      ['an empty password', 'alice', '', ''],
      ['a filter injection', '*', users.alice.password, ''],
      ['a user outside ldap_filter', 'alice', users.alice.password, '(objectClass=posixAccount)'],
    ])('refuses %s as BAD_CREDENTIALS', async (_, username, password, filter) => {
      if (filter) await configure({ ldap_filter: filter });
      const failure = await failureOf(ldap.authenticate(username, password));
      expect(failure).toMatchObject({ code: 'BAD_CREDENTIALS', message: 'invalid username or password' });
    });

    it("reports a refused search DN as Berth's misconfiguration, not the user's", async () => {
      await configure({ ldap_search_password: 'not-the-password' });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure.code).toBe('REJECTED');
      expect(failure.message).toContain(LDAP_FIXTURE.searchDn);
    });

    it('fails fast with UNREACHABLE when nothing listens', async () => {
      const closed = await freePort();
      await configure({ ldap_url: `ldap://127.0.0.1:${closed}` });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure.code).toBe('UNREACHABLE');
      expect(failure.message).toBe(`cannot reach the LDAP server 127.0.0.1:${closed}: connection refused`);
      expect(failure.ms).toBeLessThan(1_000);
    });

    it('gives up after ldap_timeout when the server accepts but never answers', async () => {
      await configure({ ldap_url: `ldap://127.0.0.1:${silentPort}`, ldap_timeout: 1 });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure.code).toBe('UNREACHABLE');
      expect(failure.message).toBe(`the LDAP server 127.0.0.1:${silentPort} did not answer within 1 s`);
      expect(failure.ms).toBeGreaterThanOrEqual(950);
      expect(failure.ms).toBeLessThan(1_900);
      // Both connections of the abandoned sign-in are closed when it gives up.
      expect(await eventually(() => silentSockets.size === 0, 100)).toBe(true);
    });

    it('refuses a missing search base as REJECTED, naming it', async () => {
      await configure({ ldap_base_dn: `ou=nowhere,${LDAP_FIXTURE.baseDn}` });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure).toMatchObject({
        code: 'REJECTED',
        message: `the base DN ou=nowhere,${LDAP_FIXTURE.baseDn} does not exist`,
      });
    });

    it('fails fast with UNREACHABLE when the host name does not resolve', async () => {
      await configure({ ldap_url: 'ldap://berth-ldap.invalid:389', ldap_timeout: 2 });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure.code).toBe('UNREACHABLE');
      // A resolver that cannot answer at all is caught by ldap_timeout instead, with its own message.
      expect(failure.message).toMatch(
        /^(cannot reach the LDAP server berth-ldap.invalid:389: host name (not found|lookup failed)|the LDAP server berth-ldap.invalid:389 did not answer within 2 s)$/,
      );
      expect(failure.ms).toBeLessThan(2_500);
    });

    it('fails with UNREACHABLE when ldaps:// meets a server that does not speak TLS', async () => {
      const plain = new URL(process.env['BERTH_TEST_LDAP_URL'] ?? '');
      await configure({ ldap_url: `ldaps://127.0.0.1:${plain.port}`, ldap_verify_cert: false });
      const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
      expect(failure.code).toBe('UNREACHABLE');
      expect(failure.message).toContain(`127.0.0.1:${plain.port}`);
      expect(failure.ms).toBeLessThan(1_000);
    });

    it('bounds the whole sign-in by ldap_timeout, not each request', async () => {
      // Each answer comes 400 ms late, well within ldap_timeout, but a sign-in takes three round trips.
      const slow = await startLdapProxy(process.env['BERTH_TEST_LDAP_URL'] ?? '', 400);
      try {
        await configure({ ldap_url: slow.url, ldap_timeout: 1 });
        const failure = await failureOf(ldap.authenticate('alice', users.alice.password));
        expect(failure.code).toBe('UNREACHABLE');
        expect(failure.message).toBe(`the LDAP server ${slow.url.slice('ldap://'.length)} did not answer within 1 s`);
        expect(failure.ms).toBeGreaterThanOrEqual(950);
        expect(failure.ms).toBeLessThan(1_500);
        // The abandoned sign-in's connections are closed at once, not when its requests would have timed out.
        expect(await eventually(() => slow.open() === 0, 100)).toBe(true);
      } finally {
        await slow.close();
      }
    });

    it('leaves no connection open after a sign-in, whatever its outcome', async () => {
      const proxy = await startLdapProxy(process.env['BERTH_TEST_LDAP_URL'] ?? '');
      try {
        // Nesting makes the group lookup open its own connection, after the sign-in's own two.
        await configure({ ldap_url: proxy.url, ldap_nested_groups_depth: 1 });
        expect((await ldap.authenticate('dave', users.dave.password)).groupDns).toEqual(
          lower([groups.teamA, groups.developers]),
        );
        expect(await eventually(() => proxy.open() === 0, 100)).toBe(true);
        for (const [username, password] of [
          ['alice', 'wrong-password'],
          ['mallory', 'whatever'],
        ]) {
          expect((await failureOf(ldap.authenticate(username as string, password as string))).code).toBe(
            'BAD_CREDENTIALS',
          );
          expect(await eventually(() => proxy.open() === 0, 100)).toBe(true);
        }
        await configure({ ldap_url: proxy.url, ldap_search_password: 'not-the-password' });
        expect((await failureOf(ldap.authenticate('alice', users.alice.password))).code).toBe('REJECTED');
        expect(await eventually(() => proxy.open() === 0, 100)).toBe(true);
      } finally {
        await proxy.close();
      }
    });

    it('caches groups in Redis for ldap_group_cache_ttl_seconds and serves sign-ins from the cache', async () => {
      await configure({ ldap_group_cache_ttl_seconds: 60 });
      await ldap.authenticate('bob', users.bob.password);
      const keys = await redis.keys(`${prefix}:ldap:groups:*`);
      expect(keys).toHaveLength(1);
      const key = keys[0] as string;
      expect(JSON.parse((await redis.get(key)) ?? '')).toEqual(lower([groups.guests]));
      expect(await redis.ttl(key)).toBeGreaterThan(55);
      await redis.set(key, JSON.stringify(['cn=from-cache']), 'EX', 60);
      expect((await ldap.authenticate('bob', users.bob.password)).groupDns).toEqual(['cn=from-cache']);
      // The password is still checked against LDAP on every sign-in, cache or not.
      expect((await failureOf(ldap.authenticate('bob', 'wrong'))).code).toBe('BAD_CREDENTIALS');
      // Other settings make other keys, so a settings change never serves stale groups.
      await configure({ ldap_group_cache_ttl_seconds: 60, ldap_nested_groups_depth: 2 });
      expect((await ldap.authenticate('bob', users.bob.password)).groupDns).toEqual(lower([groups.guests]));
      await redis.del(...(await redis.keys(`${prefix}:ldap:groups:*`)));
    });

    it('refuses with NOT_CONFIGURED without a server', async () => {
      await configure({ auth_mode: 'db_auth', ldap_url: '' });
      expect((await failureOf(ldap.authenticate('alice', users.alice.password))).code).toBe('NOT_CONFIGURED');
    });
  });

  describe('ping', () => {
    it('succeeds with the stored settings', async () => {
      expect(await ldap.ping()).toEqual({
        success: true,
        message: `connected to ${process.env['BERTH_TEST_LDAP_URL']?.replace('ldap://', '')} as ${LDAP_FIXTURE.searchDn}`,
      });
    });

    it.each([
      [{ ldap_search_password: 'wrong' }, `the LDAP server refused ldap_search_dn ${LDAP_FIXTURE.searchDn}`],
      [{ ldap_base_dn: 'ou=nowhere,dc=berth,dc=test' }, 'the base DN ou=nowhere,dc=berth,dc=test does not exist'],
      [
        { ldap_search_dn: `cn=admin,${LDAP_FIXTURE.baseDn}` },
        'ldap_search_dn is set but ldap_search_password is empty',
      ],
      [{ ldap_url: 'ldap://127.0.0.1:1' }, 'cannot reach the LDAP server 127.0.0.1:1: connection refused'],
    ])('reports %j in plain words', async (overrides, message) => {
      const result = await ldap.ping(overrides);
      expect(result.success).toBe(false);
      expect(result.message).toContain(message);
    });

    it('tries settings from the body without storing them', async () => {
      const result = await ldap.ping({
        ldap_search_dn: process.env['BERTH_TEST_LDAP_ADMIN_DN'],
        ldap_search_password: process.env['BERTH_TEST_LDAP_ADMIN_PASSWORD'],
      });
      expect(result).toEqual({ success: true, message: expect.stringContaining('as cn=admin,dc=berth,dc=test') });
      expect((await configurations.getLdapSettings()).searchDn).toBe(LDAP_FIXTURE.searchDn);
    });

    it('answers within ldap_connection_timeout when the server never answers', async () => {
      const started = Date.now();
      const result = await ldap.ping({ ldap_url: `ldap://127.0.0.1:${silentPort}`, ldap_connection_timeout: 1 });
      expect(result).toEqual({
        success: false,
        message: `the LDAP server 127.0.0.1:${silentPort} did not answer within 1 s`,
      });
      expect(Date.now() - started).toBeLessThan(1_900);
    });
  });

  describe('searches', () => {
    it('lists users whose login name contains the term', async () => {
      const found = await ldap.searchUsers('a');
      expect(found.map((user) => user.username).sort()).toEqual(['alice', 'carol', 'dave', 'frank']);
      expect(found.find((user) => user.username === 'frank')).toEqual({
        username: 'frank',
        realname: 'Frank (QA), Ops',
        email: 'frank@berth.test',
      });
      expect(await ldap.searchUsers('*')).toEqual([]);
    });

    it('finds groups by part of the name, or by DN', async () => {
      expect(await ldap.searchGroups({ groupname: 'dev' })).toEqual([
        { group_name: 'developers', ldap_group_dn: groups.developers, group_type: 1 },
      ]);
      expect((await ldap.searchGroups({})).map((group) => group.group_name).sort()).toEqual([
        'admins',
        'developers',
        'guests',
        'team-a',
      ]);
      expect(await ldap.searchGroups({ groupdn: groups.teamA })).toEqual([
        { group_name: 'team-a', ldap_group_dn: groups.teamA, group_type: 1 },
      ]);
      expect(await ldap.searchGroups({ groupdn: `cn=nope,${LDAP_FIXTURE.groupsDn}` })).toEqual([]);
      // A person is not a group, even when asked for by DN.
      expect(await ldap.searchGroups({ groupdn: users.alice.dn })).toEqual([]);
    });
  });

  describe('accounts', () => {
    it('onboards at first sign-in, refreshes later, and never takes over a local account', async () => {
      const users$ = app.get(UserRepository);
      const first = await provisioner.onboard(await ldap.authenticate('bob', users.bob.password));
      expect(first).toMatchObject({
        username: 'bob',
        source: 'ldap',
        passwordHash: null,
        sysadmin: false,
        email: 'bob@berth.test',
        realname: 'Bob Baker',
        ldapDn: users.bob.dn,
      });
      const again = await provisioner.onboard({
        ...(await ldap.authenticate('bob', users.bob.password)),
        realname: 'B',
      });
      expect(again).toMatchObject({ id: first.id, realname: 'B' });

      await users$.insertIfAbsent({
        username: 'eve',
        email: null,
        realname: 'Local Eve',
        passwordHash: 'x',
        sysadmin: false,
        source: 'local',
      });
      const failure = await failureOf(provisioner.onboard(await ldap.authenticate('eve', users.eve.password)));
      expect(failure.code).toBe('USER_CONFLICT');
      expect(await users$.findByUsername('eve')).toMatchObject({ source: 'local', realname: 'Local Eve' });
    });

    it('imports through HTTP as Harbor does: 200 when all were imported, else 404 with the failures', async () => {
      const post = (list: string[]) =>
        fetch(`${base}/ldap/users/import`, {
          method: 'POST',
          headers: { authorization: admin, 'content-type': 'application/json' },
          body: JSON.stringify({ ldap_uid_list: list }),
        });
      const ok = await post(['carol']);
      expect(ok.status).toBe(200);
      const partial = await post(['dave', 'carol', 'nobody']);
      expect(partial.status).toBe(404);
      expect(await partial.json()).toEqual([
        { uid: 'carol', error: 'a user with this name already exists' },
        { uid: 'nobody', error: 'not found in LDAP' },
      ]);
      const rows = await app
        .get(DataSource)
        .getRepository(UserEntity)
        .findBy([{ username: 'carol' }, { username: 'dave' }]);
      expect(rows.map((row) => [row.username, row.source, row.ldapDn]).sort()).toEqual([
        ['carol', 'ldap', users.carol.dn],
        ['dave', 'ldap', users.dave.dn],
      ]);
    });
  });

  describe('HTTP', () => {
    const get = (path: string, authorization?: string) =>
      fetch(`${base}${path}`, { headers: authorization ? { authorization } : {} });

    it('serves searches and ping to system administrators only', async () => {
      expect((await get('/ldap/users/search?username=ali')).status).toBe(401);
      const users = await get('/ldap/users/search?username=ali', admin);
      expect(users.status).toBe(200);
      expect(await users.json()).toEqual([{ username: 'alice', realname: 'Alice Archer', email: 'alice@berth.test' }]);
      const found = await get(`/ldap/groups/search?groupdn=${encodeURIComponent(groups.guests)}`, admin);
      expect(await found.json()).toEqual([{ group_name: 'guests', ldap_group_dn: groups.guests, group_type: 1 }]);
      const ping = await fetch(`${base}/ldap/ping`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ ldap_url: 'ldap://127.0.0.1:1' }),
      });
      expect(ping.status).toBe(200);
      expect(await ping.json()).toEqual({
        success: false,
        message: 'cannot reach the LDAP server 127.0.0.1:1: connection refused',
      });
    });

    it('answers 400 for a bad ping body and 503 when LDAP is down', async () => {
      const ping = await fetch(`${base}/ldap/ping`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ ldap_url: 'http://x', ldap_password: 'typo' }),
      });
      expect(ping.status).toBe(400);
      await configure({ ldap_url: 'ldap://127.0.0.1:1' });
      const down = await get('/ldap/users/search', admin);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        errors: [
          { code: 'SERVICE_UNAVAILABLE', message: 'cannot reach the LDAP server 127.0.0.1:1: connection refused' },
        ],
      });
    });
  });
});
