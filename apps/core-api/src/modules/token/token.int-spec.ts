import {
  DEFAULT_TOKEN_ISSUER,
  DEFAULT_TOKEN_SERVICE,
  generateTokenKeyPair,
  loadVerificationKeys,
  type RegistryTokenClaims,
  TokenVerifier,
} from '@berth/auth';
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
import { RegistryTokenIssuer } from './registry-token.issuer';
import { type TokenResponseDto } from './dto/token-response.dto';

/*
 * The docker token service over HTTP against real Postgres and Redis: who gets which actions (roles set up in SQL),
 * anonymous callers on public and private projects, unknown projects, the OAuth2 grants and refusals.
 */

const ADMIN_PASSWORD = 'correct-horse-battery';
const TOKEN_MINUTES = 45;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const keys = generateTokenKeyPair();
const verifier = new TokenVerifier(loadVerificationKeys(keys.publicKeyPem));
const verify = (token: string, audience = DEFAULT_TOKEN_SERVICE) =>
  verifier.verify(token, { issuer: DEFAULT_TOKEN_ISSUER, audience });

describe('/service/token against real Postgres and Redis', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let origin: string;
  let dataDir: string;
  let sql: DataSource;
  const prefix = `berth-token-it-${process.pid}`;
  const redis = new Redis(process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0');

  /** GETs a token for the scopes with optional Basic credentials and returns the status, body and verified claims. */
  async function token(scopes: string[], authorization?: string, extra: Record<string, string> = {}) {
    const query = new URLSearchParams({ service: DEFAULT_TOKEN_SERVICE, ...extra });
    for (const scope of scopes) query.append('scope', scope);
    const res = await fetch(`${origin}/service/token?${query}`, { headers: authorization ? { authorization } : {} });
    const body = (await res.json()) as TokenResponseDto & { errors?: { code: string; message: string }[] };
    const claims = res.status === 200 ? verify(body.token) : undefined;
    return { status: res.status, body, claims, headers: res.headers };
  }

  async function form(fields: Record<string, string>) {
    const res = await fetch(`${origin}/service/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ service: DEFAULT_TOKEN_SERVICE, client_id: 'containerd-client', ...fields }),
    });
    const body = (await res.json()) as TokenResponseDto & { errors?: { code: string; message: string }[] };
    return { status: res.status, body, claims: res.status === 200 ? verify(body.access_token) : undefined };
  }

  const access = (claims: RegistryTokenClaims | undefined) => claims?.access ?? [];

  async function addUser(username: string, password: string): Promise<number> {
    await app.get(UserRepository).insertIfAbsent({
      username,
      email: null,
      realname: username,
      passwordHash: await app.get(PasswordHasher).hash(password),
      sysadmin: false,
      source: 'local',
    });
    const rows: { id: number }[] = await sql.query('SELECT id FROM "user" WHERE username = $1', [username]);
    return rows[0]!.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase('core_api_token', { migrate: true });
    dataDir = mkdtempSync(join(tmpdir(), 'berth-token-it-'));
    const config = parseConfig(coreApiEnv, {
      DATABASE_URL: db.url,
      REDIS_URL: process.env['BERTH_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379/0',
      BERTH_REDIS_PREFIX: prefix,
      BERTH_DATA_DIR: dataDir,
      BERTH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      // As an .env file carries it: one line, `\n` for the line breaks.
      BERTH_TOKEN_SIGNING_KEY: keys.privateKeyPem.replace(/\n/g, '\\n'),
      LOG_LEVEL: 'silent',
    });
    app = await createCoreApi(config, createLogger('core-api', 'silent'));
    await app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    sql = app.get(DataSource);
    await sql.query(`INSERT INTO configuration (key, value) VALUES ('token_expiration', $1)`, [
      JSON.stringify(TOKEN_MINUTES),
    ]);
    await sql.query(`INSERT INTO project (name, public) VALUES ('private1', false), ('private2', false)`);
    const dev = await addUser('dev', 'dev-password');
    const guest = await addUser('guest', 'guest-password');
    const maint = await addUser('maint', 'maint-password');
    await addUser('loner', 'loner-password');
    // Roles: 2 developer, 3 guest, 4 maintainer.
    await sql.query(
      `INSERT INTO project_member (project_id, user_id, role)
       SELECT p.id, m.user_id, m.role FROM project p
       JOIN (VALUES ($1::int, 2), ($2::int, 3), ($3::int, 4)) AS m(user_id, role) ON p.name = 'private1'`,
      [dev, guest, maint],
    );
  });

  afterAll(async () => {
    await app?.close();
    const stale = await redis.keys(`${prefix}:*`);
    if (stale.length) await redis.del(...stale);
    redis.disconnect();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('grants the admin every action it asks for, and the whole catalog', async () => {
    const { status, body, claims, headers } = await token(
      ['repository:private1/app:pull,push,delete', 'registry:catalog:*'],
      basic('admin', ADMIN_PASSWORD),
    );
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(access(claims)).toEqual([
      { type: 'repository', name: 'private1/app', actions: ['pull', 'push', 'delete'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
    expect(claims).toMatchObject({ sub: 'admin', aud: DEFAULT_TOKEN_SERVICE, berth: { kind: 'user', projects: '*' } });
    expect(body.access_token).toBe(body.token);
    expect(body.expires_in).toBe(TOKEN_MINUTES * 60);
    expect(claims!.exp - claims!.iat).toBe(TOKEN_MINUTES * 60);
    expect(new Date(body.issued_at).getTime() / 1000).toBe(claims!.iat);
    expect(body.scope).toBe('repository:private1/app:pull,push,delete registry:catalog:*');
  });

  it.each([
    ['dev', 'dev-password', ['pull', 'push']],
    ['maint', 'maint-password', ['pull', 'push', 'delete']],
    ['guest', 'guest-password', ['pull']],
  ])(
    'grants %s what its role holds in the project, never an error for asking more',
    async (user, password, actions) => {
      const { status, claims } = await token(['repository:private1/app:pull,push,delete'], basic(user, password));
      expect(status).toBe(200);
      expect(access(claims)).toEqual([{ type: 'repository', name: 'private1/app', actions }]);
    },
  );

  it('expands * to the actions held, and lists the visible projects in a catalog token', async () => {
    const { claims } = await token(
      ['repository:private1/app:*', 'repository:library/base:*', 'repository:private2/x:*', 'registry:catalog:*'],
      basic('dev', 'dev-password'),
    );
    expect(access(claims)).toEqual([
      { type: 'repository', name: 'private1/app', actions: ['pull', 'push'] },
      { type: 'repository', name: 'library/base', actions: ['pull'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
    expect(claims!.berth.projects).toEqual(['library', 'private1']);
  });

  it('gives a non-member nothing in a private project and pull on a public one', async () => {
    const { status, claims } = await token(
      ['repository:private1/app:pull', 'repository:library/base:pull,push'],
      basic('loner', 'loner-password'),
    );
    expect(status).toBe(200);
    expect(access(claims)).toEqual([{ type: 'repository', name: 'library/base', actions: ['pull'] }]);
  });

  it('lets anonymous callers pull public projects and nothing else', async () => {
    const { status, body, claims } = await token([
      'repository:library/base:pull,push,delete',
      'repository:private1/app:pull',
      'registry:catalog:*',
    ]);
    expect(status).toBe(200);
    expect(access(claims)).toEqual([{ type: 'repository', name: 'library/base', actions: ['pull'] }]);
    expect(claims).toMatchObject({ sub: '', berth: { kind: 'anonymous' } });
    expect(claims!.berth.projects).toBeUndefined();
    expect(body.refresh_token).toBeUndefined();
  });

  it('grants nothing, without an error or a hint, in a project that does not exist', async () => {
    const ghost = await token(['repository:ghost/app:pull,push'], basic('admin', ADMIN_PASSWORD));
    expect(ghost.status).toBe(200);
    expect(access(ghost.claims)).toEqual([]);
    const hidden = await token(['repository:private2/app:pull,push'], basic('dev', 'dev-password'));
    expect(hidden.body.scope).toBe(ghost.body.scope);
  });

  it('answers 401 with a JSON error for wrong credentials, and audits the failure', async () => {
    const { status, body } = await token(['repository:library/base:pull'], basic('dev', 'wrong'));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.code).toBe('UNAUTHORIZED');
    const rows: { result: string }[] = await sql.query(
      `SELECT result FROM audit_log WHERE operation = 'login' AND resource = 'dev' AND result = 'failure'`,
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses another service and malformed scopes with 400', async () => {
    expect((await token(['repository:library/base:pull'], undefined, { service: 'other-registry' })).status).toBe(400);
    expect((await token(['repository:library/base'])).status).toBe(400);
    expect((await token(['bogus:x:pull'])).status).toBe(400);
    expect((await token(Array.from({ length: 40 }, (_, i) => `repository:library/r${i}:pull`))).status).toBe(400);
  });

  it('issues a refresh token on GET with offline_token=true', async () => {
    const { body } = await token([], basic('dev', 'dev-password'), { offline_token: 'true' });
    expect(verify(body.refresh_token!, 'berth-refresh')).toMatchObject({ sub: 'dev', access: [] });
  });

  describe('OAuth2 form', () => {
    it('issues a token and a refresh token for the password grant with access_type=offline', async () => {
      const { status, body, claims } = await form({
        grant_type: 'password',
        username: 'dev',
        password: 'dev-password',
        access_type: 'offline',
        scope: 'repository:private1/app:pull,push repository:library/base:pull',
      });
      expect(status).toBe(200);
      expect(access(claims)).toEqual([
        { type: 'repository', name: 'private1/app', actions: ['pull', 'push'] },
        { type: 'repository', name: 'library/base', actions: ['pull'] },
      ]);
      expect(body.refresh_token).toBeDefined();
      // A refresh token is no registry token: the registry's audience check refuses it.
      expect(() => verify(body.refresh_token!)).toThrow(expect.objectContaining({ code: 'wrong_audience' }));
    });

    it('answers 401 to a wrong password and 400 to an unknown grant', async () => {
      const wrong = await form({ grant_type: 'password', username: 'dev', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors?.[0]?.code).toBe('UNAUTHORIZED');
      expect((await form({ grant_type: 'client_credentials' })).status).toBe(400);
    });

    it('refreshes with permissions recomputed, and stops once the account changes', async () => {
      const id = await addUser('refresher', 'refresher-password');
      await sql.query(
        `INSERT INTO project_member (project_id, user_id, role) SELECT id, $1, 2 FROM project WHERE name = 'private1'`,
        [id],
      );
      const login = await form({
        grant_type: 'password',
        username: 'refresher',
        password: 'refresher-password',
        access_type: 'offline',
      });
      const refreshToken = login.body.refresh_token!;
      const scope = 'repository:private1/app:pull,push';
      const first = await form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope });
      expect(first.status).toBe(200);
      expect(access(first.claims)).toEqual([{ type: 'repository', name: 'private1/app', actions: ['pull', 'push'] }]);
      expect(first.body.refresh_token).toBeUndefined();

      await sql.query('UPDATE project_member SET role = 3 WHERE user_id = $1', [id]);
      const demoted = await form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope });
      expect(access(demoted.claims)).toEqual([{ type: 'repository', name: 'private1/app', actions: ['pull'] }]);

      await sql.query(`UPDATE "user" SET password_changed_at = now() + interval '1 minute' WHERE id = $1`, [id]);
      const changed = await form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope });
      expect(changed.status).toBe(401);

      await sql.query('UPDATE "user" SET password_changed_at = NULL WHERE id = $1', [id]);
      expect((await form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope })).status).toBe(200);
      await sql.query('DELETE FROM project_member WHERE user_id = $1', [id]);
      await sql.query('DELETE FROM "user" WHERE id = $1', [id]);
      expect((await form({ grant_type: 'refresh_token', refresh_token: refreshToken, scope })).status).toBe(401);
    });

    it('refuses registry tokens and garbage as refresh tokens, and audits it', async () => {
      const registryToken = (await token([], basic('dev', 'dev-password'))).body.token;
      for (const refreshToken of [registryToken, 'garbage', '']) {
        const res = await form({ grant_type: 'refresh_token', refresh_token: refreshToken });
        expect(res.status).toBe(refreshToken === '' ? 400 : 401);
      }
      const rows: { n: number }[] = await sql.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE operation = 'login' AND result = 'failure'
         AND detail->>'channel' = 'token-refresh'`,
      );
      expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
    });
  });

  it("signs core-api's own registry calls with RegistryTokenIssuer", () => {
    const issued = app
      .get(RegistryTokenIssuer)
      .issue('berth-core-api', [{ type: 'repository', name: 'library/app', actions: ['delete'] }], 60);
    expect(verify(issued)).toMatchObject({
      sub: 'berth-core-api',
      berth: { kind: 'service' },
      access: [{ type: 'repository', name: 'library/app', actions: ['delete'] }],
    });
  });
});
