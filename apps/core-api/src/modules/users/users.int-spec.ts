import { AuditLogEntity } from '@berth/db';
import { basic, startAuthTestApp, TEST_ADMIN_PASSWORD, type AuthTestApp } from '../auth/testing/auth-test-app';

const ADMIN = basic('admin', TEST_ADMIN_PASSWORD);
const PASSWORD = 'Str0ng-enough';

interface ErrorBody {
  errors: { code: string; message: string }[];
}
interface UserBody {
  user_id: number;
  username: string;
  email: string | null;
  sysadmin_flag: boolean;
}

describe('/users and /usergroups against real Postgres and Redis', () => {
  let t: AuthTestApp;
  let adminId: number;
  let devId: number;
  const DEV = basic('dev', PASSWORD);

  /** The audit entries of changes to one resource type (sign-ins are audited too, as `user` login entries). */
  const audit = async (resourceType: string) =>
    (await t.dataSource.getRepository(AuditLogEntity).find({ where: { resourceType }, order: { id: 'ASC' } })).filter(
      (row) => row.operation !== 'login' && row.operation !== 'logout',
    );

  beforeAll(async () => {
    t = await startAuthTestApp('users');
    adminId = (await t.api<UserBody>('/users/current', { auth: ADMIN })).body.user_id;
    devId = await t.createUser('dev', PASSWORD, { email: 'dev@example.test', realname: 'Dev' });
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('accounts', () => {
    it('creates an account with 201 and a Location, never answering its password', async () => {
      const { status, body, headers } = await t.api<Record<string, unknown>>('/users', {
        method: 'POST',
        auth: ADMIN,
        body: { username: 'erin', password: PASSWORD, email: 'erin@example.test', realname: 'Erin', comment: 'qa' },
      });
      expect(status).toBe(201);
      expect(headers.get('location')).toBe(`/api/v2.0/users/${String(body['user_id'])}`);
      expect(body).toMatchObject({ username: 'erin', email: 'erin@example.test', sysadmin_flag: false });
      expect(Object.keys(body)).not.toContain('password');
      expect(Object.keys(body)).not.toContain('password_hash');
      expect((await t.api('/users/current', { auth: basic('erin', PASSWORD) })).status).toBe(200);
      expect((await audit('user')).at(-1)).toMatchObject({ username: 'admin', operation: 'create', resource: 'erin' });
    });

    it.each([
      [{ username: 'weak', password: 'password1' }, 400, /upper-case letter, a lower-case letter and a digit/],
      [{ username: 'short', password: 'Sh0rt' }, 400, /8 to 128 characters/],
      [{ username: 'bad name', password: PASSWORD }, 400, /white space/],
      [{ username: 'robot$sneaky', password: PASSWORD }, 400, /reserved for robot accounts/],
      [{ username: 'dev', password: PASSWORD }, 409, /a user named dev already exists/],
      [{ username: 'dev2', password: PASSWORD, email: 'DEV@example.test' }, 409, /email .* already used/],
      [{ username: 'x', password: PASSWORD, email: 'not-an-email' }, 400, /email must be an email/],
      [{ username: 'x', password: PASSWORD, sysadmin_flag: true }, 400, /property sysadmin_flag should not exist/],
    ])('refuses %j with %i', async (body, status, message) => {
      const response = await t.api<ErrorBody>('/users', { method: 'POST', auth: ADMIN, body });
      expect(response.status).toBe(status);
      expect(response.body.errors[0]!.message).toMatch(message);
    });

    it.each([
      '/users/99999999999',
      '/usergroups/99999999999',
      '/robots/99999999999',
      '/users/current/tokens/99999999999',
      '/users/99999999999/tokens',
    ])('answers 404 for an id no integer column can hold: %s', async (path) => {
      const { status, body } = await t.api<ErrorBody>(path, { auth: ADMIN });
      expect(status).toBe(404);
      expect(body.errors[0]!.code).toBe('NOT_FOUND');
    });

    it.each([
      ['/projects?q=owner_id%3D99999999999', /"owner_id" must be between/],
      ['/robots?q=ProjectID%3D99999999999', /"ProjectID" must be between/],
      ['/projects/library/members?q=role_id%3D40000', null],
    ])('answers integers beyond their column in q with 400, never 500: %s', async (path, message) => {
      const { status, body } = await t.api<ErrorBody>(path, { auth: ADMIN });
      if (message === null) {
        expect(status).toBe(200);
        expect(body).toEqual([]);
      } else {
        expect(status).toBe(400);
        expect(body.errors[0]!.message).toMatch(message);
      }
    });

    it('refuses a member id beyond the integer range with 400', async () => {
      const { status, body } = await t.api<ErrorBody>('/projects/library/members', {
        method: 'POST',
        auth: ADMIN,
        body: { role_id: 2, member_user: { user_id: 99999999999 } },
      });
      expect(status).toBe(400);
      expect(body.errors[0]!.message).toMatch(/user_id must not be greater than 2147483647/);
    });

    it('lists accounts for administrators with q, sort and paging headers', async () => {
      const { status, body, headers } = await t.api<UserBody[]>('/users?q=username%3D~de&page_size=1', {
        auth: ADMIN,
      });
      expect(status).toBe(200);
      expect(body.map((user) => user.username)).toEqual(['dev']);
      expect(headers.get('x-total-count')).toBe('1');
      const all = await t.api<UserBody[]>('/users?sort=-username&page_size=2', { auth: ADMIN });
      expect(Number(all.headers.get('x-total-count'))).toBeGreaterThanOrEqual(3);
      expect(all.headers.get('link')).toMatch(/rel="next"/);
      expect(all.body.map((user) => user.username)).toEqual(
        [...all.body.map((user) => user.username)].sort().reverse(),
      );
    });

    it('keeps other accounts from non-administrators (403) and anonymous callers (401)', async () => {
      expect((await t.api('/users', { auth: DEV })).status).toBe(403);
      expect((await t.api('/users')).status).toBe(401);
      expect((await t.api(`/users/${adminId}`, { auth: DEV })).status).toBe(403);
      expect((await t.api(`/users/${devId}`, { auth: DEV })).status).toBe(200);
      expect((await t.api(`/users/${devId}`, { method: 'DELETE', auth: DEV })).status).toBe(403);
      expect(
        (await t.api(`/users/${devId}/sysadmin`, { method: 'PUT', auth: DEV, body: { sysadmin_flag: true } })).status,
      ).toBe(403);
      const create = await t.api('/users', { method: 'POST', auth: DEV, body: { username: 'x1', password: PASSWORD } });
      expect(create.status).toBe(403);
      const other = await t.api(`/users/${adminId}`, { method: 'PUT', auth: DEV, body: { realname: 'pwned' } });
      expect(other.status).toBe(403);
      expect((await t.api(`/users/999999`, { auth: ADMIN })).status).toBe(404);
    });

    it('changes your own profile, and refuses an email another account uses', async () => {
      const ok = await t.api<UserBody>(`/users/${devId}`, {
        method: 'PUT',
        auth: DEV,
        body: { realname: 'Dev Eloper', comment: 'builds things' },
      });
      expect(ok).toMatchObject({ status: 200, body: { username: 'dev', email: 'dev@example.test' } });
      const taken = await t.api(`/users/${devId}`, { method: 'PUT', auth: DEV, body: { email: 'erin@example.test' } });
      expect(taken.status).toBe(409);
    });

    it('finds accounts by part of the name for any signed-in user', async () => {
      const { status, body } = await t.api<{ user_id: number; username: string }[]>('/users/search?username=ri', {
        auth: DEV,
      });
      expect(status).toBe(200);
      expect(body).toEqual([{ user_id: expect.any(Number), username: 'erin' }]);
      expect((await t.api('/users/search?username=ri')).status).toBe(401);
    });
  });

  describe('passwords', () => {
    it('changes your own password only with the old one, against the policy', async () => {
      const id = await t.createUser('pat', PASSWORD);
      const auth = basic('pat', PASSWORD);
      const put = (body: unknown, as = auth) =>
        t.api<ErrorBody>(`/users/${id}/password`, { method: 'PUT', auth: as, body });
      expect((await put({ new_password: 'New-passw0rd' })).status).toBe(403);
      expect(
        (await put({ old_password: 'Wrong-passw0rd', new_password: 'New-passw0rd' })).body.errors[0]!.message,
      ).toBe('the old password is wrong');
      expect((await put({ old_password: PASSWORD, new_password: 'weakpassword' })).status).toBe(400);
      expect((await put({ old_password: PASSWORD, new_password: PASSWORD })).body.errors[0]!.message).toMatch(
        /must differ/,
      );
      expect((await put({ old_password: PASSWORD, new_password: 'New-passw0rd' })).status).toBe(200);
      expect((await t.api('/users/current', { auth })).status).toBe(401);
      expect((await t.api('/users/current', { auth: basic('pat', 'New-passw0rd') })).status).toBe(200);
      // Another user may not change it; an administrator resets it without the old one.
      expect((await put({ new_password: 'Other-passw0rd' }, DEV)).status).toBe(403);
      expect((await put({ new_password: 'Reset-passw0rd' }, ADMIN)).status).toBe(200);
      expect((await t.api('/users/current', { auth: basic('pat', 'Reset-passw0rd') })).status).toBe(200);
      const rows = (await audit('user')).filter((row) => row.resource === 'pat' && row.operation === 'update');
      expect(rows.map((row) => row.detail)).toEqual([
        { user_id: id, fields: ['password'], reset: false },
        { user_id: id, fields: ['password'], reset: true },
      ]);
    });
  });

  describe('system administrators', () => {
    it('promotes and demotes, but never removes or demotes the last one, and nobody deletes themselves', async () => {
      const flag = (id: number, sysadmin_flag: boolean, auth = ADMIN) =>
        t.api<ErrorBody>(`/users/${id}/sysadmin`, { method: 'PUT', auth, body: { sysadmin_flag } });
      expect((await flag(adminId, false)).body.errors[0]).toEqual({
        code: 'CONFLICT',
        message: 'admin is the last system administrator',
      });
      const boss = await t.createUser('boss', PASSWORD);
      expect((await flag(boss, true)).status).toBe(200);
      const bossAuth = basic('boss', PASSWORD);
      expect((await t.api('/users', { auth: bossAuth })).status).toBe(200);
      expect((await t.api(`/users/${boss}`, { method: 'DELETE', auth: bossAuth })).status).toBe(403);
      // Two administrators: admin may step down; then boss is the last and stays.
      expect((await flag(adminId, false, bossAuth)).status).toBe(200);
      expect((await flag(boss, false, bossAuth)).status).toBe(409);
      expect((await t.api(`/users/${boss}`, { method: 'DELETE', auth: bossAuth })).status).toBe(403);
      expect((await flag(adminId, true, bossAuth)).status).toBe(200);
      const deleteAdmin = await t.api<ErrorBody>(`/users/${adminId}`, { method: 'DELETE', auth: bossAuth });
      expect(deleteAdmin.body.errors[0]).toEqual({ code: 'FORBIDDEN', message: 'the admin account cannot be deleted' });
      expect((await t.api(`/users/${boss}`, { method: 'DELETE', auth: ADMIN })).status).toBe(200);
      expect((await t.api('/users/current', { auth: bossAuth })).status).toBe(401);
      expect((await audit('user')).at(-1)).toMatchObject({ operation: 'delete', resource: 'boss' });
    });

    it('lists permissions per scope, relative or absolute', async () => {
      const system = await t.api<{ resource: string; action: string }[]>('/users/current/permissions?scope=/system', {
        auth: DEV,
      });
      expect(system.body).toEqual([
        { resource: '/system/project', action: 'create' },
        { resource: '/system/project', action: 'list' },
      ]);
      const adminSystem = await t.api<{ resource: string; action: string }[]>(
        '/users/current/permissions?scope=/system&relative=true',
        { auth: ADMIN },
      );
      expect(adminSystem.body).toContainEqual({ resource: 'user', action: 'list' });
      const rows: { id: number }[] = await t.dataSource.query(
        `INSERT INTO project (name, public) VALUES ('perm-test', false) RETURNING id`,
      );
      const projectId = rows[0]!.id;
      await t.dataSource.query(`INSERT INTO project_member (project_id, user_id, role) VALUES ($1, $2, 3)`, [
        projectId,
        devId,
      ]);
      const guest = await t.api<{ resource: string; action: string }[]>(
        `/users/current/permissions?scope=/project/${projectId}&relative=true`,
        { auth: DEV },
      );
      expect(guest.body).toContainEqual({ resource: 'repository', action: 'pull' });
      expect(guest.body).not.toContainEqual({ resource: 'repository', action: 'push' });
      const none = await t.api<unknown[]>(`/users/current/permissions?scope=/project/${projectId}`, {
        auth: basic('erin', PASSWORD),
      });
      expect(none.body).toEqual([]);
      expect((await t.api<unknown[]>('/users/current/permissions?scope=/nowhere', { auth: DEV })).body).toEqual([]);
    });
  });

  describe('self-registration', () => {
    const register = (username: string) =>
      t.api<UserBody>('/users', { method: 'POST', body: { username, password: PASSWORD } });

    it('is off by default: anonymous creation is refused with 401', async () => {
      expect((await register('walkin')).status).toBe(401);
    });

    it('when on, lets anyone create a plain local account, audited as anonymous', async () => {
      await t.configure({ self_registration: true });
      try {
        const { status, body } = await register('walkin');
        expect(status).toBe(201);
        expect(body.sysadmin_flag).toBe(false);
        expect((await t.api('/users/current', { auth: basic('walkin', PASSWORD) })).status).toBe(200);
        expect((await audit('user')).at(-1)).toMatchObject({
          username: 'anonymous',
          operation: 'create',
          detail: { self_registration: true },
        });
        const stowaway = await t.api('/users', {
          method: 'POST',
          body: { username: 'stowaway', password: PASSWORD, sysadmin_flag: true },
        });
        expect(stowaway.status).toBe(400);
      } finally {
        await t.configure({ self_registration: false });
      }
    });
  });

  describe('user groups', () => {
    const DN = 'cn=Platform,ou=Groups,dc=example,dc=test';

    it('registers, reads, renames, searches and deletes a group (no LDAP check in db_auth)', async () => {
      const created = await t.api<{ id: number; group_name: string; ldap_group_dn: string; group_type: number }>(
        '/usergroups',
        { method: 'POST', auth: ADMIN, body: { ldap_group_dn: DN } },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        group_name: 'Platform',
        group_type: 1,
        ldap_group_dn: 'cn=platform,ou=groups,dc=example,dc=test',
      });
      const id = created.body.id;
      const dup = await t.api('/usergroups', {
        method: 'POST',
        auth: ADMIN,
        body: { ldap_group_dn: DN.toUpperCase() },
      });
      expect(dup.status).toBe(409);
      expect(
        (await t.api('/usergroups', { method: 'POST', auth: ADMIN, body: { ldap_group_dn: 'nope' } })).status,
      ).toBe(400);
      const byDn = await t.api<unknown[]>(`/usergroups?ldap_group_dn=${encodeURIComponent(DN.toUpperCase())}`, {
        auth: ADMIN,
      });
      expect(byDn.body).toHaveLength(1);
      expect(
        (await t.api(`/usergroups/${id}`, { method: 'PUT', auth: ADMIN, body: { group_name: 'platform-team' } }))
          .status,
      ).toBe(200);
      expect((await t.api(`/usergroups/${id}`, { auth: ADMIN })).body).toMatchObject({ group_name: 'platform-team' });
      const search = await t.api('/usergroups/search?groupname=form-te', { auth: DEV });
      expect(search.body).toEqual([{ id, group_name: 'platform-team', group_type: 1 }]);
      expect((await t.api(`/usergroups/${id}`, { method: 'DELETE', auth: ADMIN })).status).toBe(200);
      expect((await t.api(`/usergroups/${id}`, { auth: ADMIN })).status).toBe(404);
      const ops = (await audit('user-group')).map((row) => row.operation);
      expect(ops).toEqual(['create', 'update', 'delete']);
    });

    it('is managed by administrators only', async () => {
      expect((await t.api('/usergroups', { auth: DEV })).status).toBe(403);
      const create = await t.api('/usergroups', { method: 'POST', auth: DEV, body: { ldap_group_dn: 'cn=x,dc=y' } });
      expect(create.status).toBe(403);
    });
  });
});
