import {
  buildOciImage,
  createTestDatabase,
  type DockerEngine,
  freePort,
  LDAP_FIXTURE,
  startDockerd,
  type TestDatabase,
  type TestOciImage,
} from '@berth/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { type RunningPlatform, startPlatform, stopPlatform } from './launcher';
import { apiCaller, basic, skopeo, testLdapConfiguration } from './platform-fixtures';

const run = promisify(execFile);
const { users, groups } = LDAP_FIXTURE;

describe('identity and access end to end: LDAP teams, robots and tokens with real clients', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'berth-identity-'));
  const prefix = `berth-identity-${process.pid}`;
  let db: TestDatabase;
  let platform: RunningPlatform;
  let engine: DockerEngine;
  let image: TestOciImage;
  let archiveDir: string;
  let api: string;
  let registry: string;
  let admin: string;

  // `api` is known once the platform is up, so the caller is built per call.
  const call = (method: string, path: string, auth?: string, body?: unknown) =>
    apiCaller(api)(method, path, auth, body);
  const sql = async (query: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(query, params)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  const ociImage = () => `oci:${image.dir}:${image.tag}`;

  beforeAll(async () => {
    db = await createTestDatabase('identity_e2e');
    const ports = { http: await freePort(), registry: await freePort() };
    api = `http://127.0.0.1:${ports.http}/api/v2.0`;
    registry = `127.0.0.1:${ports.registry}`;
    const { BERTH_ADMIN_PASSWORD: _pw, ...inherited } = process.env;
    platform = await startPlatform({
      ...inherited,
      DATABASE_URL: db.url,
      REDIS_URL: process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_HTTP_PORT: String(ports.http),
      BERTH_REGISTRY_PORT: String(ports.registry),
      BERTH_EXTERNAL_URL: `http://127.0.0.1:${ports.http}`,
    });
    admin = basic('admin', platform.adminPassword);
    image = buildOciImage({ layerCount: 2, tag: 'v1' });
    archiveDir = mkdtempSync(join(tmpdir(), 'berth-identity-archive-'));
    engine = await startDockerd();
    const archive = join(archiveDir, 'app.tar');
    await run('skopeo', ['copy', ociImage(), `docker-archive:${archive}:berth-e2e/app:v1`]);
    await engine.docker('load', '--quiet', '--input', archive);

    const ldap = testLdapConfiguration();
    expect((await call('PUT', '/configurations', admin, ldap)).status).toBe(200);
    for (const [name, isPublic] of [
      ['team', 'false'],
      ['opensource', 'true'],
    ] as const) {
      const created = await call('POST', '/projects', admin, { project_name: name, metadata: { public: isPublic } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const [dn, role] of [
      [groups.developers, 2],
      [groups.guests, 3],
    ] as const) {
      const added = await call('POST', '/projects/team/members', admin, {
        role_id: role,
        member_group: { ldap_group_dn: dn, group_type: 1 },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
  });

  afterAll(async () => {
    await engine?.stop();
    if (platform) await stopPlatform(platform);
    await db?.drop();
    for (const dir of [dataDir, archiveDir, image?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the LDAP connection test with success', async () => {
    const ping = await call('POST', '/ldap/ping', admin, {});
    expect(ping.status).toBe(200);
    expect(JSON.stringify(ping.body)).toMatch(/success/i);
  });

  it('lets an LDAP user whose group is developer docker login and push, and onboards them', async () => {
    const login = await engine.docker('login', registry, '-u', users.alice.uid, '-p', users.alice.password);
    expect(login).toContain('Login Succeeded');
    await engine.docker('tag', 'berth-e2e/app:v1', `${registry}/team/app:v1`);
    const pushed = await engine.docker('push', `${registry}/team/app:v1`);
    expect(pushed).toMatch(/v1: digest: sha256:[0-9a-f]{64}/);
    const onboarded = await sql('SELECT source, ldap_dn FROM "user" WHERE username = $1', [users.alice.uid]);
    expect(onboarded).toEqual([{ source: 'ldap', ldap_dn: users.alice.dn }]);
    await engine.docker('logout', registry);
  });

  it("refuses a guest's push with a clear denial", async () => {
    await engine.docker('login', registry, '-u', users.bob.uid, '-p', users.bob.password);
    await engine.docker('tag', 'berth-e2e/app:v1', `${registry}/team/bob:v1`);
    await expect(engine.docker('push', `${registry}/team/bob:v1`)).rejects.toThrow(/denied|unauthorized/i);
    // A guest still pulls.
    const pulled = await skopeo(
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${users.bob.uid}:${users.bob.password}`,
      `docker://${registry}/team/app:v1`,
    );
    expect(pulled.ok, pulled.out).toBe(true);
    await engine.docker('logout', registry);
  });

  it('lets a pull-only robot pull but not push, and refuses it once disabled or expired', async () => {
    const created = await call('POST', '/robots', admin, {
      name: 'puller',
      level: 'project',
      duration: 30,
      permissions: [{ kind: 'project', namespace: 'team', access: [{ resource: 'repository', action: 'pull' }] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const robot = created.body as { id: number; name: string; secret: string };
    expect(robot.name).toBe('robot$team+puller');
    const creds = `${robot.name}:${robot.secret}`;

    const pulled = await skopeo('inspect', '--tls-verify=false', '--creds', creds, `docker://${registry}/team/app:v1`);
    expect(pulled.ok, pulled.out).toBe(true);
    const pushed = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      creds,
      ociImage(),
      `docker://${registry}/team/robot:v1`,
    );
    expect(pushed.ok).toBe(false);
    expect(pushed.out).toMatch(/denied|unauthorized/i);

    await sql(`UPDATE robot SET expires_at = now() - interval '1 minute' WHERE id = $1`, [robot.id]);
    const expired = await skopeo('inspect', '--tls-verify=false', '--creds', creds, `docker://${registry}/team/app:v1`);
    expect(expired.ok).toBe(false);
    await sql(`UPDATE robot SET expires_at = now() + interval '1 day' WHERE id = $1`, [robot.id]);

    const disabled = await call('PUT', `/robots/${robot.id}`, admin, {
      name: 'puller',
      level: 'project',
      duration: 30,
      disable: true,
      permissions: [{ kind: 'project', namespace: 'team', access: [{ resource: 'repository', action: 'pull' }] }],
    });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    const refused = await skopeo('inspect', '--tls-verify=false', '--creds', creds, `docker://${registry}/team/app:v1`);
    expect(refused.ok).toBe(false);
  });

  it('accepts a personal access token as the docker login password until it is revoked', async () => {
    const alice = basic(users.alice.uid, users.alice.password);
    const created = await call('POST', '/users/current/tokens', alice, {
      name: 'ci',
      scopes: ['repository:pull', 'repository:push'],
      expires_in_days: 7,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = created.body as { id: number; secret: string };
    const login = await engine.docker('login', registry, '-u', users.alice.uid, '-p', token.secret);
    expect(login).toContain('Login Succeeded');
    await engine.docker('pull', '--quiet', `${registry}/team/app:v1`);
    await engine.docker('logout', registry);

    expect((await call('DELETE', `/users/current/tokens/${token.id}`, alice)).status).toBe(200);
    const refused = await skopeo(
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${users.alice.uid}:${token.secret}`,
      `docker://${registry}/team/app:v1`,
    );
    expect(refused.ok).toBe(false);
  });

  it('serves anonymous pulls of a public project, and keeps the private one invisible to outsiders', async () => {
    const seeded = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      `admin:${platform.adminPassword}`,
      ociImage(),
      `docker://${registry}/opensource/app:v1`,
    );
    expect(seeded.ok, seeded.out).toBe(true);
    const anonymous = await skopeo(
      'inspect',
      '--tls-verify=false',
      '--no-creds',
      `docker://${registry}/opensource/app:v1`,
    );
    expect(anonymous.ok, anonymous.out).toBe(true);
    const anonymousPush = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-no-creds',
      ociImage(),
      `docker://${registry}/opensource/anon:v1`,
    );
    expect(anonymousPush.ok).toBe(false);

    const hidden = await skopeo('inspect', '--tls-verify=false', '--no-creds', `docker://${registry}/team/app:v1`);
    const missing = await skopeo('inspect', '--tls-verify=false', '--no-creds', `docker://${registry}/nosuch/app:v1`);
    expect(hidden.ok).toBe(false);
    expect(missing.ok).toBe(false);

    const eve = basic(users.eve.uid, users.eve.password);
    const listed = await call('GET', '/projects?page_size=100', eve);
    expect(listed.status).toBe(200);
    expect((listed.body as { name: string }[]).map((p) => p.name).sort()).toEqual(['library', 'opensource']);
    expect((await call('GET', '/projects/team', eve)).status).toBe(404);
    expect((await call('GET', '/projects/nosuch', eve)).status).toBe(404);
    const outsiderPull = await skopeo(
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${users.eve.uid}:${users.eve.password}`,
      `docker://${registry}/team/app:v1`,
    );
    expect(outsiderPull.ok).toBe(false);
  });

  it('refuses a push into a project that does not exist instead of creating it', async () => {
    const pushed = await skopeo(
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      `admin:${platform.adminPassword}`,
      ociImage(),
      `docker://${registry}/ghost/app:v1`,
    );
    expect(pushed.ok).toBe(false);
    expect(pushed.out).toMatch(/denied|name unknown|not found/i);
    expect(await sql('SELECT 1 FROM project WHERE name = $1', ['ghost'])).toEqual([]);
  });

  it('answers a wrong password with 401 and counts it toward the lockout', async () => {
    const wrong = basic(users.dave.uid, 'not-the-password');
    let status = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      status = (await call('GET', '/users/current', wrong)).status;
      expect(status).toBe(401);
    }
    const right = await call('GET', '/users/current', basic(users.dave.uid, users.dave.password));
    expect(right.status).toBe(401);
    expect(JSON.stringify(right.body)).toMatch(/lock/i);
    const audit = await call('GET', `/audit-logs?q=operation=login,result=failure&page_size=100`, admin);
    expect(audit.status).toBe(200);
    expect((audit.body as { username: string }[]).some((entry) => entry.username === users.dave.uid)).toBe(true);
  });

  it('wrote the pushes, the pulls and the configuration change to the audit log', async () => {
    // Pull events reach the audit log through the worker in batches of about a second.
    let entries: { operation: string; resource: string; username: string }[] = [];
    for (let wait = 0; wait < 50; wait++) {
      const page = await call('GET', '/audit-logs?page_size=100', admin);
      entries = page.body as typeof entries;
      if (entries.some((e) => e.operation === 'pull')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seen = entries.map((e) => `${e.username} ${e.operation} ${e.resource}`);
    expect(
      seen.some((line) => /^alice push team\/app/.test(line)),
      seen.join('\n'),
    ).toBe(true);
    expect(
      seen.some((line) => / pull team\/app/.test(line)),
      seen.join('\n'),
    ).toBe(true);
    expect(
      seen.some((line) => /^admin update configuration/.test(line)),
      seen.join('\n'),
    ).toBe(true);
  });
});
