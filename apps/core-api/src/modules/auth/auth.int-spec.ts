import { AuditLogEntity, PersonalAccessTokenEntity, UserEntity } from '@berth/db';
import { freePort, LDAP_FIXTURE } from '@berth/testing';
import { basic, startAuthTestApp, TEST_ADMIN_PASSWORD, type AuthTestApp } from './testing/auth-test-app';

const ADMIN = basic('admin', TEST_ADMIN_PASSWORD);
const DEV_PASSWORD = 'Dev-passw0rd';
const { users: ldapUsers, groups: ldapGroups } = LDAP_FIXTURE;

/** The fixture directory with the settings an administrator would enter. */
const LDAP_SETTINGS = {
  auth_mode: 'ldap_auth',
  ldap_url: process.env['BERTH_TEST_LDAP_URL'] ?? '',
  ldap_search_dn: LDAP_FIXTURE.searchDn,
  ldap_search_password: LDAP_FIXTURE.searchPassword,
  ldap_base_dn: LDAP_FIXTURE.peopleDn,
  ldap_filter: '(objectClass=inetOrgPerson)',
  ldap_uid: 'uid',
  ldap_timeout: 2,
  ldap_group_base_dn: LDAP_FIXTURE.groupsDn,
  ldap_group_search_filter: '(objectClass=groupOfNames)',
  ldap_group_admin_dn: LDAP_FIXTURE.adminGroupDn,
  ldap_group_cache_ttl_seconds: 300,
};

interface ErrorBody {
  errors: { code: string; message: string }[];
}

/** Reads one cookie's value from a response's Set-Cookie headers. */
function cookieOf(response: Response, name: string): { value: string; attributes: string } | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return { value: pair.slice(eq + 1), attributes: attributes.join(';') };
  }
  return undefined;
}

describe('authentication against real Postgres, Redis and OpenLDAP', () => {
  let t: AuthTestApp;
  let devId: number;

  const auditRows = (operation: string) =>
    t.dataSource.getRepository(AuditLogEntity).find({ where: { operation }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await startAuthTestApp('auth');
    devId = await t.createUser('dev', DEV_PASSWORD, { email: 'dev@example.test' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('Basic authentication', () => {
    it('signs a local user in, and never answers a password hash', async () => {
      const { status, body } = await t.api<Record<string, unknown>>('/users/current', {
        auth: basic('dev', DEV_PASSWORD),
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ user_id: devId, username: 'dev', sysadmin_flag: false, source: 'local' });
      expect(JSON.stringify(body)).not.toMatch(/argon2|password/i);
    });

    it.each([
      ['a wrong password', basic('dev', 'Wrong-passw0rd')],
      ['an unknown user', basic('nobody', DEV_PASSWORD)],
    ])('refuses %s with 401 and audits the failure without the password', async (_, auth) => {
      const { status, body } = await t.api<ErrorBody>('/users/current', { auth, ip: '198.51.100.1' });
      expect(status).toBe(401);
      expect(body).toEqual({ errors: [{ code: 'UNAUTHORIZED', message: 'invalid username or password' }] });
      const failure = (await auditRows('login')).filter((row) => row.result === 'failure').at(-1);
      expect(failure).toMatchObject({ actorType: 'anonymous', sourceIp: '198.51.100.1', resourceType: 'user' });
      expect(failure?.username).toBe(failure?.resource);
      expect(JSON.stringify(failure)).not.toContain(DEV_PASSWORD);
    });

    it('audits a successful Basic sign-in once per window, not on every request', async () => {
      const ip = '198.51.100.2';
      for (let i = 0; i < 3; i++) {
        expect((await t.api('/users/current', { auth: basic('dev', DEV_PASSWORD), ip })).status).toBe(200);
      }
      const rows = (await auditRows('login')).filter((row) => row.result === 'success' && row.sourceIp === ip);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ username: 'dev', resource: 'dev', detail: { channel: 'basic' } });
    });

    it('signs a robot in by its name prefix, as a robot and not a user', async () => {
      const created = await t.api<{ name: string; secret: string }>('/robots', {
        method: 'POST',
        auth: ADMIN,
        body: {
          name: 'auditor',
          level: 'system',
          duration: -1,
          permissions: [{ kind: 'system', namespace: '/', access: [{ resource: 'user', action: 'list' }] }],
        },
      });
      expect(created.status).toBe(201);
      const robot = basic(created.body.name, created.body.secret);
      expect((await t.api('/users', { auth: robot })).status).toBe(200);
      expect((await t.api('/users/current', { auth: robot })).status).toBe(403);
      expect((await t.api('/users', { auth: basic(created.body.name, 'wrong-secret') })).status).toBe(401);
      const login = (await auditRows('login')).find(
        (row) => row.resource === 'robot$auditor' && row.result === 'success',
      );
      expect(login).toMatchObject({
        actorType: 'robot',
        resourceType: 'robot',
        detail: { credential: 'robot-secret' },
      });
    });

    it('refuses a malformed Authorization header with 401', async () => {
      const { status } = await t.api('/users/current', { auth: 'Basic !!!' });
      expect(status).toBe(401);
    });
  });

  describe('lockout', () => {
    beforeAll(() => t.configure({ login_lockout_threshold: 3, login_lockout_minutes: 5 }));
    afterAll(() => t.configure({ login_lockout_threshold: 0 }));

    it('locks an account after repeated failures, whatever the address, until an admin resets it', async () => {
      await t.createUser('locky', DEV_PASSWORD);
      for (let i = 0; i < 3; i++) {
        const ip = `203.0.113.${10 + i}`;
        expect((await t.api('/users/current', { auth: basic('locky', 'Wrong-passw0rd'), ip })).status).toBe(401);
      }
      const locked = await t.api<ErrorBody>('/users/current', {
        auth: basic('LOCKY', DEV_PASSWORD),
        ip: '203.0.113.20',
      });
      expect(locked.status).toBe(401);
      const right = await t.api<ErrorBody>('/users/current', {
        auth: basic('locky', DEV_PASSWORD),
        ip: '203.0.113.21',
      });
      expect(right.status).toBe(401);
      expect(right.body.errors[0]!.message).toMatch(
        /^this account is locked after too many failed sign-ins: try again in 5 minute/,
      );
      // Another account from the same address is not affected.
      expect((await t.api('/users/current', { auth: basic('dev', DEV_PASSWORD), ip: '203.0.113.10' })).status).toBe(
        200,
      );
      const lockyId = (await t.dataSource.getRepository(UserEntity).findOneByOrFail({ username: 'locky' })).id;
      const reset = await t.api(`/users/${lockyId}/password`, {
        method: 'PUT',
        auth: ADMIN,
        body: { new_password: 'Reset-passw0rd' },
      });
      expect(reset.status).toBe(200);
      expect((await t.api('/users/current', { auth: basic('locky', 'Reset-passw0rd') })).status).toBe(200);
    });

    it('forgets the failures of an account once it signs in', async () => {
      const ip = '203.0.113.30';
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 2; i++) {
          expect((await t.api('/users/current', { auth: basic('dev', 'Wrong-passw0rd'), ip })).status).toBe(401);
        }
        expect((await t.api('/users/current', { auth: basic('dev', DEV_PASSWORD), ip })).status).toBe(200);
      }
    });

    it('locks a source address that fails on many accounts, while other addresses still sign in', async () => {
      const ip = '203.0.113.40';
      // The address threshold is five times the account threshold: 15 failures on 15 different names.
      for (let i = 0; i < 15; i++) {
        expect((await t.api('/users/current', { auth: basic(`spray${i}`, 'Guess-passw0rd'), ip })).status).toBe(401);
      }
      const blocked = await t.api<ErrorBody>('/users/current', { auth: ADMIN, ip });
      expect(blocked.status).toBe(401);
      expect(blocked.body.errors[0]!.message).toMatch(
        /^sign-ins from this address are locked after too many failed sign-ins/,
      );
      expect((await t.api('/users/current', { auth: ADMIN, ip: '203.0.113.41' })).status).toBe(200);
      const locked = (await auditRows('login')).filter((row) => row.sourceIp === ip).at(-1);
      expect(locked).toMatchObject({ result: 'failure', detail: { reason: 'locked' } });
    });
  });

  describe('console session', () => {
    it('signs in with a form, sets httpOnly sid and readable CSRF cookies, and enforces CSRF on unsafe requests', async () => {
      const login = await t.request('/c/login', { method: 'POST', form: { principal: 'dev', password: DEV_PASSWORD } });
      expect(login.status).toBe(200);
      const body = (await login.json()) as { csrf_token: string; username: string };
      expect(body.username).toBe('dev');
      const sid = cookieOf(login, 'sid');
      const csrfCookie = cookieOf(login, 'berth-csrf');
      expect(sid?.attributes).toMatch(/HttpOnly/i);
      expect(sid?.attributes).toMatch(/SameSite=Lax/i);
      expect(sid?.attributes).not.toMatch(/Secure/i);
      expect(csrfCookie?.attributes).not.toMatch(/HttpOnly/i);
      expect(csrfCookie?.value).toBe(body.csrf_token);
      expect(login.headers.get('x-harbor-csrf-token')).toBe(body.csrf_token);
      const cookie = `sid=${sid!.value}; berth-csrf=${csrfCookie!.value}`;

      const me = await t.api<{ username: string }>('/users/current', { headers: { cookie } });
      expect(me).toMatchObject({ status: 200, body: { username: 'dev' } });

      const change = { method: 'PUT', body: { realname: 'Dev Eloper' } };
      const refused = await t.api<ErrorBody>(`/users/${devId}`, { ...change, headers: { cookie } });
      expect(refused.status).toBe(403);
      expect(refused.body.errors[0]!.message).toMatch(/CSRF/);
      const wrong = await t.api(`/users/${devId}`, { ...change, headers: { cookie, 'x-berth-csrf-token': 'nope' } });
      expect(wrong.status).toBe(403);
      const ok = await t.api(`/users/${devId}`, {
        ...change,
        headers: { cookie, 'x-berth-csrf-token': body.csrf_token },
      });
      expect(ok.status).toBe(200);
      const harbor = await t.api(`/users/${devId}`, {
        ...change,
        headers: { cookie, 'x-harbor-csrf-token': body.csrf_token },
      });
      expect(harbor.status).toBe(200);

      const logout = await t.request('/c/log_out', { headers: { cookie } });
      expect(logout.status).toBe(200);
      expect(cookieOf(logout, 'sid')?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect((await t.api('/users/current', { headers: { cookie } })).status).toBe(401);
      expect((await auditRows('logout')).at(-1)).toMatchObject({ username: 'dev', resource: 'dev' });
    });

    it('signs in with JSON too, and refuses wrong passwords, robots and tokens with 401', async () => {
      const ok = await t.request('/c/login', { method: 'POST', body: { principal: 'dev', password: DEV_PASSWORD } });
      expect(ok.status).toBe(200);
      const wrong = await t.request('/c/login', { method: 'POST', body: { principal: 'dev', password: 'x' } });
      expect(wrong.status).toBe(401);
      const robot = await t.request('/c/login', {
        method: 'POST',
        body: { principal: 'robot$ci', password: 'a'.repeat(32) },
      });
      expect(robot.status).toBe(401);
      expect(((await robot.json()) as ErrorBody).errors[0]!.message).toMatch(/cannot sign in to the console/);
    });

    it('treats an unknown session cookie as anonymous', async () => {
      const { status } = await t.api('/systeminfo', { headers: { cookie: 'sid=not-a-session' } });
      expect(status).toBe(200);
      expect((await t.api('/users/current', { headers: { cookie: 'sid=not-a-session' } })).status).toBe(401);
    });

    it('ends the other sessions of an account when its password changes', async () => {
      await t.createUser('mover', DEV_PASSWORD);
      const signIn = async () => {
        const response = await t.request('/c/login', {
          method: 'POST',
          body: { principal: 'mover', password: DEV_PASSWORD },
        });
        const csrf = ((await response.json()) as { csrf_token: string }).csrf_token;
        return { cookie: `sid=${cookieOf(response, 'sid')!.value}`, csrf };
      };
      const laptop = await signIn();
      const phone = await signIn();
      const me = await t.api<{ user_id: number }>('/users/current', { headers: { cookie: laptop.cookie } });
      const change = await t.api(`/users/${me.body.user_id}/password`, {
        method: 'PUT',
        headers: { cookie: laptop.cookie, 'x-berth-csrf-token': laptop.csrf },
        body: { old_password: DEV_PASSWORD, new_password: 'Moved-passw0rd' },
      });
      expect(change.status).toBe(200);
      expect((await t.api('/users/current', { headers: { cookie: laptop.cookie } })).status).toBe(200);
      expect((await t.api('/users/current', { headers: { cookie: phone.cookie } })).status).toBe(401);
    });
  });

  describe('personal access tokens', () => {
    const create = (auth: string, body: Record<string, unknown>) =>
      t.api<{ id: number; secret: string; scopes: string[] } & ErrorBody>('/users/current/tokens', {
        method: 'POST',
        auth,
        body,
      });

    it('creates a token shown once, usable as the Basic password, recording its last use', async () => {
      const created = await create(basic('dev', DEV_PASSWORD), {
        name: 'ci',
        scopes: ['repository:pull', 'project:read'],
      });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^berth_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(created.body.scopes).toEqual(['project:read', 'repository:pull']);
      const me = await t.api<{ username: string }>('/users/current', { auth: basic('dev', created.body.secret) });
      expect(me).toMatchObject({ status: 200, body: { username: 'dev' } });
      const list = await t.api<Record<string, unknown>[]>('/users/current/tokens', {
        auth: basic('dev', DEV_PASSWORD),
      });
      expect(list.status).toBe(200);
      expect(list.headers.get('x-total-count')).toBe('1');
      expect(list.body[0]).toMatchObject({ name: 'ci', revoked_at: null, expired: false });
      expect(list.body[0]!['last_used_at']).toEqual(expect.any(String));
      expect(JSON.stringify(list.body)).not.toContain(created.body.secret.slice(27));
      const row = await t.dataSource.getRepository(PersonalAccessTokenEntity).findOneByOrFail({ id: created.body.id });
      expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(created.body.secret).not.toContain(row.secretHash);
    });

    it('refuses a token given with another username, and a tampered secret', async () => {
      const { body } = await create(basic('dev', DEV_PASSWORD), { name: 'other', scopes: ['repository:pull'] });
      expect((await t.api('/users/current', { auth: basic('admin', body.secret) })).status).toBe(401);
      const tampered = body.secret.slice(0, -1) + (body.secret.endsWith('A') ? 'B' : 'A');
      expect((await t.api('/users/current', { auth: basic('dev', tampered) })).status).toBe(401);
    });

    it('limits a token to its scopes, even an administrator’s, and never lets it manage tokens', async () => {
      const { body } = await create(ADMIN, { name: 'pull-only', scopes: ['repository:pull'] });
      const asToken = basic('admin', body.secret);
      expect((await t.api('/users', { auth: asToken })).status).toBe(403);
      expect((await t.api('/users', { auth: ADMIN })).status).toBe(200);
      const escalate = await create(asToken, { name: 'escalated', scopes: ['user:list'] });
      expect(escalate.status).toBe(403);
      expect(escalate.body.errors[0]!.message).toMatch(/personal access tokens cannot manage/);
    });

    it('refuses revoked and expired tokens with a message saying so', async () => {
      const revoked = await create(basic('dev', DEV_PASSWORD), { name: 'to-revoke', scopes: ['repository:pull'] });
      const del = await t.api(`/users/current/tokens/${revoked.body.id}`, {
        method: 'DELETE',
        auth: basic('dev', DEV_PASSWORD),
      });
      expect(del.status).toBe(200);
      const afterRevoke = await t.api<ErrorBody>('/users/current', { auth: basic('dev', revoked.body.secret) });
      expect(afterRevoke.status).toBe(401);
      expect(afterRevoke.body.errors[0]!.message).toBe('the personal access token has been revoked');

      const expiring = await create(basic('dev', DEV_PASSWORD), { name: 'expiring', scopes: ['repository:pull'] });
      await t.dataSource
        .getRepository(PersonalAccessTokenEntity)
        .update({ id: expiring.body.id }, { expiresAt: new Date(Date.now() - 1000) });
      const afterExpiry = await t.api<ErrorBody>('/users/current', { auth: basic('dev', expiring.body.secret) });
      expect(afterExpiry.status).toBe(401);
      expect(afterExpiry.body.errors[0]!.message).toBe('the personal access token has expired');
      const audit = (await auditRows('revoke')).at(-1);
      expect(audit).toMatchObject({ username: 'dev', resourceType: 'token', resource: 'dev/to-revoke' });
    });

    it('validates names, scopes and lifetimes, and refuses duplicates', async () => {
      const dev = basic('dev', DEV_PASSWORD);
      expect((await create(dev, { name: 'bad', scopes: ['repository:fly'] })).body.errors[0]!.message).toBe(
        'unknown scopes: repository:fly',
      );
      expect((await create(dev, { name: 'x', scopes: [] })).status).toBe(400);
      expect((await create(dev, { name: 'x', scopes: ['repository:pull'], expires_in_days: 0 })).status).toBe(400);
      expect((await create(dev, { name: 'ci', scopes: ['repository:pull'] })).status).toBe(409);
      const never = await create(dev, { name: 'forever', scopes: ['repository:pull'], expires_in_days: -1 });
      expect(never.status).toBe(201);
    });

    it('lets administrators list and revoke, but not create, tokens of other users', async () => {
      const list = await t.api<unknown[]>(`/users/${devId}/tokens`, { auth: ADMIN });
      expect(list.status).toBe(200);
      expect(list.body.length).toBeGreaterThan(0);
      const createForDev = await t.api(`/users/${devId}/tokens`, {
        method: 'POST',
        auth: ADMIN,
        body: { name: 'impersonate', scopes: ['repository:pull'] },
      });
      expect(createForDev.status).toBe(403);
      const adminId = (await t.api<{ user_id: number }>('/users/current', { auth: ADMIN })).body.user_id;
      expect((await t.api(`/users/${adminId}/tokens`, { auth: basic('dev', DEV_PASSWORD) })).status).toBe(403);
    });
  });

  describe('LDAP', () => {
    let projectId: number;

    beforeAll(async () => {
      await t.configure(LDAP_SETTINGS);
      const rows: { id: number }[] = await t.dataSource.query(
        `INSERT INTO project (name, public) VALUES ('ldap-team', false) RETURNING id`,
      );
      projectId = rows[0]!.id;
    });
    afterAll(() => t.configure({ auth_mode: 'db_auth' }));

    it('onboards an LDAP user at first sign-in, with their profile from LDAP', async () => {
      const alice = ldapUsers.alice;
      const { status, body } = await t.api<Record<string, unknown>>('/users/current', {
        auth: basic(alice.uid, alice.password),
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ username: 'alice', email: alice.mail, realname: alice.cn, source: 'ldap' });
      const row = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ username: 'alice' });
      expect(row.passwordHash).toBeNull();
      expect(row.ldapDn?.toLowerCase()).toBe(alice.dn.toLowerCase());
      expect(row.lastLoginAt).not.toBeNull();
    });

    it('refuses a wrong LDAP password with 401', async () => {
      const { status, body } = await t.api<ErrorBody>('/users/current', { auth: basic('alice', 'Wrong-passw0rd') });
      expect(status).toBe(401);
      expect(body.errors[0]!.message).toBe('invalid username or password');
    });

    it('maps LDAP groups onto user groups, so group membership grants project roles', async () => {
      const group = await t.api<{ id: number; group_name: string }>('/usergroups', {
        method: 'POST',
        auth: ADMIN,
        body: { ldap_group_dn: ldapGroups.developers.toUpperCase() },
      });
      expect(group.status).toBe(201);
      expect(group.body.group_name).toBe('developers');
      await t.dataSource.query(`INSERT INTO project_member (project_id, group_id, role) VALUES ($1, $2, 2)`, [
        projectId,
        group.body.id,
      ]);
      const perms = await t.api<{ resource: string; action: string }[]>(
        `/users/current/permissions?scope=/project/${projectId}&relative=true`,
        { auth: basic('alice', ldapUsers.alice.password) },
      );
      expect(perms.status).toBe(200);
      expect(perms.body).toContainEqual({ resource: 'repository', action: 'push' });
      // bob is in guests, which Berth does not know: nothing in the private project.
      const bob = await t.api<unknown[]>(`/users/current/permissions?scope=/project/${projectId}&relative=true`, {
        auth: basic('bob', ldapUsers.bob.password),
      });
      expect(bob.body).toEqual([]);
    });

    it('keeps group roles in a console session without asking LDAP again', async () => {
      const login = await t.request('/c/login', {
        method: 'POST',
        body: { principal: 'alice', password: ldapUsers.alice.password },
      });
      expect(login.status).toBe(200);
      const cookie = `sid=${cookieOf(login, 'sid')!.value}`;
      await t.configure({ ldap_url: `ldap://127.0.0.1:${await freePort()}` });
      try {
        const perms = await t.api<{ resource: string; action: string }[]>(
          `/users/current/permissions?scope=/project/${projectId}&relative=false`,
          { headers: { cookie } },
        );
        expect(perms.body).toContainEqual({ resource: `/project/${projectId}/repository`, action: 'push' });
      } finally {
        await t.configure(LDAP_SETTINGS);
      }
    });

    it('makes members of the LDAP admin group system administrators', async () => {
      const carol = basic('carol', ldapUsers.carol.password);
      const me = await t.api<Record<string, unknown>>('/users/current', { auth: carol });
      expect(me.body).toMatchObject({ username: 'carol', sysadmin_flag: false, admin_role_in_auth: true });
      expect((await t.api('/users', { auth: carol })).status).toBe(200);
      expect((await t.api('/users', { auth: basic('alice', ldapUsers.alice.password) })).status).toBe(403);
    });

    it('refuses a user group whose DN is not in LDAP', async () => {
      const { status, body } = await t.api<ErrorBody>('/usergroups', {
        method: 'POST',
        auth: ADMIN,
        body: { ldap_group_dn: `cn=ghosts,${LDAP_FIXTURE.groupsDn}` },
      });
      expect(status).toBe(400);
      expect(body.errors[0]!.message).toMatch(/no LDAP group has the DN/);
    });

    it('fails LDAP sign-ins fast with 401 while LDAP is down, and local admin still signs in', async () => {
      await t.configure({ ldap_url: `ldap://127.0.0.1:${await freePort()}` });
      try {
        const started = Date.now();
        const { status, body } = await t.api<ErrorBody>('/users/current', {
          auth: basic('dave', ldapUsers.dave.password),
        });
        expect(status).toBe(401);
        expect(body.errors[0]!.message).toMatch(/^LDAP sign-in is unavailable \(cannot reach the LDAP server/);
        expect(Date.now() - started).toBeLessThan(2000);
        expect((await t.api('/users/current', { auth: ADMIN })).status).toBe(200);
        expect((await t.api('/users/current', { auth: basic('dev', DEV_PASSWORD) })).status).toBe(200);
        const failure = (await auditRows('login')).filter((row) => row.resource === 'dave').at(-1);
        expect(failure).toMatchObject({ result: 'failure', resource: 'dave', detail: { reason: 'ldap-unavailable' } });
      } finally {
        await t.configure(LDAP_SETTINGS);
      }
    });
  });
});
