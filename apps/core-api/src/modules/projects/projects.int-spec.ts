import { AuditLogEntity, UserGroupEntity } from '@berth/db';
import { type MemberResponseDto } from '../members/dto/member.dto';
import { type SearchResponseDto } from '../search/dto/search.dto';
import { type ProjectResponseDto, type ProjectSummaryDto } from './dto/project.dto';
import { type Caller, type TenancyApi, json, startTenancyApi } from './tenancy.testing';

/** One member per role, named after it, plus someone who belongs to nothing. */
const ROLE_USERS = { padmin: 1, dev: 2, guest: 3, maint: 4, limited: 5 } as const;
type RoleUser = keyof typeof ROLE_USERS;

describe('projects, members, metadata and search through HTTP', () => {
  let api: TenancyApi;
  let ids: Record<string, number>;
  const call = (caller: Caller, method: string, path: string, body?: unknown) => api.call(caller, method, path, body);

  beforeAll(async () => {
    api = await startTenancyApi('projects_api');
    ids = await api.createUsers('padmin', 'dev', 'guest', 'maint', 'limited', 'outsider', 'creator');
    expect(
      (await call('admin', 'POST', '/projects', { project_name: 'team-a', metadata: { public: 'false' } })).status,
    ).toBe(201);
    for (const [username, role] of Object.entries(ROLE_USERS)) {
      const res = await call('admin', 'POST', '/projects/team-a/members', { role_id: role, member_user: { username } });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('creation', () => {
    it('creates a project with a Location, makes the creator its projectAdmin and audits it', async () => {
      const res = await call('creator', 'POST', '/projects', {
        project_name: 'creators.own_1',
        metadata: { public: 'true', auto_scan: 'true' },
        storage_limit: 1024,
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toMatch(/^\/api\/v2\.0\/projects\/\d+$/);
      const project = await json<ProjectResponseDto>(await call('creator', 'GET', '/projects/creators.own_1'));
      expect(project).toMatchObject({
        name: 'creators.own_1',
        owner_id: ids['creator'],
        owner_name: 'creator',
        metadata: { public: 'true', auto_scan: 'true' },
        repo_count: 0,
        current_user_role_id: 1,
        current_user_role_ids: [1],
      });
      const summary = await json<ProjectSummaryDto>(await call('creator', 'GET', '/projects/creators.own_1/summary'));
      expect(summary.quota).toEqual({ hard: { storage: 1024 }, used: { storage: 0 } });
      expect(summary.project_admin_count).toBe(1);
      const audit = await api.dataSource
        .getRepository(AuditLogEntity)
        .findOneBy({ resourceType: 'project', resource: 'creators.own_1', operation: 'create' });
      expect(audit).toMatchObject({ username: 'creator', result: 'success', projectId: project.project_id });
    });

    it('refuses a taken name with 409 and a bad name with 400', async () => {
      const taken = await call('creator', 'POST', '/projects', { project_name: 'team-a' });
      expect(taken.status).toBe(409);
      expect(await taken.json()).toEqual({
        errors: [{ code: 'CONFLICT', message: 'a project named team-a already exists' }],
      });
      for (const name of ['Team-A', 'a--b', '-a', 'a_', '', 'x'.repeat(256), 'a/b']) {
        expect((await call('creator', 'POST', '/projects', { project_name: name })).status, name).toBe(400);
      }
      expect((await call('creator', 'POST', '/projects', { project_name: 'ok', storage_limit: 0 })).status).toBe(400);
      expect((await call('creator', 'POST', '/projects', { project_name: 'ok', metadata: { nope: 'x' } })).status).toBe(
        400,
      );
    });

    it('shows the quota in the list, and lets its projectAdmin change publicity and quota', async () => {
      const quotaOf = async () =>
        (await json<ProjectResponseDto[]>(await call('creator', 'GET', '/projects?name=quota-a'))).map((p) => [
          p.metadata.public,
          p.storage_limit,
          p.storage_used,
        ]);
      expect(
        (await call('creator', 'POST', '/projects', { project_name: 'quota-a', storage_limit: 2048 })).status,
      ).toBe(201);
      expect(await quotaOf()).toEqual([['false', 2048, 0]]);
      const put = await call('creator', 'PUT', '/projects/quota-a', {
        metadata: { public: 'true' },
        storage_limit: -1,
      });
      expect(put.status).toBe(200);
      expect(await quotaOf()).toEqual([['true', -1, 0]]);
    });

    it('lets only signed-in callers create projects', async () => {
      expect((await call(null, 'POST', '/projects', { project_name: 'anon' })).status).toBe(401);
    });
  });

  describe('visibility', () => {
    it('hides a private project from outsiders (404) and from anonymous callers (401), and from their lists', async () => {
      expect((await call('outsider', 'GET', '/projects/team-a')).status).toBe(404);
      expect((await call(null, 'GET', '/projects/team-a')).status).toBe(401);
      const outsiderNames = (
        await json<ProjectResponseDto[]>(await call('outsider', 'GET', '/projects?page_size=100'))
      ).map((p) => p.name);
      expect(outsiderNames).toContain('library');
      expect(outsiderNames).not.toContain('team-a');
      const anonymous = await json<ProjectResponseDto[]>(await call(null, 'GET', '/projects?page_size=100'));
      expect(anonymous.every((p) => p.metadata.public === 'true')).toBe(true);
      expect(anonymous.map((p) => p.name)).toContain('library');
    });

    it('shows members their projects with their roles, and administrators everything', async () => {
      const devList = await json<ProjectResponseDto[]>(await call('dev', 'GET', '/projects?name=team'));
      expect(devList.map((p) => [p.name, p.current_user_role_ids])).toEqual([['team-a', [2]]]);
      const adminList = await json<ProjectResponseDto[]>(await call('admin', 'GET', '/projects?public=false'));
      expect(adminList.map((p) => p.name)).toContain('team-a');
    });

    it('answers HEAD for names a caller may know about', async () => {
      expect((await call('outsider', 'HEAD', '/projects?project_name=team-a')).status).toBe(200);
      expect((await call('outsider', 'HEAD', '/projects?project_name=missing')).status).toBe(404);
      expect((await call(null, 'HEAD', '/projects?project_name=team-a')).status).toBe(404);
      expect((await call(null, 'HEAD', '/projects?project_name=library')).status).toBe(200);
    });

    it('finds only visible projects by search', async () => {
      const outsider = await json<SearchResponseDto>(await call('outsider', 'GET', '/search?q=team'));
      expect(outsider).toEqual({ project: [], repository: [] });
      const guest = await json<SearchResponseDto>(await call('guest', 'GET', '/search?q=TEAM'));
      expect(guest.project.map((p) => p.name)).toEqual(['team-a']);
      expect((await call(null, 'GET', '/search?q=')).status).toBe(400);
    });
  });

  describe('the role matrix', () => {
    const expectStatus = async (caller: Caller, method: string, path: string, body: unknown, expected: number) => {
      const res = await call(caller, method, path, body);
      expect(res.status, `${caller ?? 'anonymous'} ${method} ${path}: ${await res.clone().text()}`).toBe(expected);
    };
    const each = (allowed: readonly RoleUser[], okStatus: number) =>
      (Object.keys(ROLE_USERS) as RoleUser[]).map((user) => [user, allowed.includes(user) ? okStatus : 403] as const);

    it('lets every role read the project and its summary, and only projectAdmin change it', async () => {
      for (const user of Object.keys(ROLE_USERS)) {
        await expectStatus(user, 'GET', '/projects/team-a', undefined, 200);
        await expectStatus(user, 'GET', '/projects/team-a/summary', undefined, 200);
        await expectStatus(user, 'GET', '/projects/team-a/metadatas', undefined, 200);
      }
      for (const [user, status] of each(['padmin'], 200)) {
        await expectStatus(user, 'PUT', '/projects/team-a', { metadata: { auto_scan: 'false' } }, status);
        await expectStatus(user, 'POST', '/projects/team-a/metadatas', { severity: 'high' }, status);
      }
      for (const user of ['dev', 'guest', 'maint', 'limited']) {
        await expectStatus(user, 'DELETE', '/projects/team-a', undefined, 403);
      }
      await expectStatus('padmin', 'PUT', '/projects/team-a', { project_name: 'team-a', public: false }, 200);
      await expectStatus('padmin', 'PUT', '/projects/team-a', { project_name: 'team-b' }, 400);
    });

    it('lets every role but limitedGuest list members, and only projectAdmin manage them', async () => {
      for (const [user, status] of each(['padmin', 'dev', 'guest', 'maint'], 200)) {
        await expectStatus(user, 'GET', '/projects/team-a/members', undefined, status);
      }
      for (const [user, status] of each(['padmin'], 201)) {
        await expectStatus(
          user,
          'POST',
          '/projects/team-a/members',
          { role_id: 3, member_user: { username: 'creator' } },
          status,
        );
        if (status === 201) {
          const members = await json<MemberResponseDto[]>(
            await call('padmin', 'GET', '/projects/team-a/members?entityname=creator'),
          );
          await expectStatus('padmin', 'DELETE', `/projects/team-a/members/${members[0]!.id}`, undefined, 200);
        }
      }
    });
  });

  describe('members', () => {
    it('adds users by id and name and LDAP groups by DN, shows and changes them, and refuses duplicates', async () => {
      expect((await call('admin', 'POST', '/projects', { project_name: 'members-a' })).status).toBe(201);
      const byId = await call('admin', 'POST', '/projects/members-a/members', {
        role_id: 2,
        member_user: { user_id: ids['dev'] },
      });
      expect(byId.status).toBe(201);
      expect(byId.headers.get('location')).toMatch(/\/members\/\d+$/);
      const dn = 'CN=Developers, OU=Groups,DC=berth,DC=test';
      const group = await call('admin', 'POST', '/projects/members-a/members', {
        role_id: 3,
        member_group: { ldap_group_dn: dn, group_type: 1 },
      });
      expect(group.status).toBe(201);
      const stored = await api.dataSource
        .getRepository(UserGroupEntity)
        .findOneBy({ ldapGroupDn: 'cn=developers,ou=groups,dc=berth,dc=test' });
      expect(stored).toMatchObject({ groupName: 'developers', groupType: 'ldap' });
      const byGroupId = await call('admin', 'POST', '/projects/members-a/members', {
        role_id: 3,
        member_group: { id: stored!.id },
      });
      expect(byGroupId.status).toBe(409);
      expect(
        (await call('admin', 'POST', '/projects/members-a/members', { role_id: 4, member_user: { username: 'dev' } }))
          .status,
      ).toBe(409);
      expect(
        (
          await call('admin', 'POST', '/projects/members-a/members', {
            role_id: 4,
            member_user: { username: 'nobody' },
          })
        ).status,
      ).toBe(404);
      expect(
        (await call('admin', 'POST', '/projects/members-a/members', { role_id: 9, member_user: { username: 'guest' } }))
          .status,
      ).toBe(400);
      expect((await call('admin', 'POST', '/projects/members-a/members', { role_id: 3 })).status).toBe(400);

      const list = await json<MemberResponseDto[]>(await call('admin', 'GET', '/projects/members-a/members'));
      expect(list.map((m) => [m.entity_name, m.entity_type, m.role_id, m.role_name])).toEqual([
        ['admin', 'u', 1, 'projectAdmin'],
        ['dev', 'u', 2, 'developer'],
        ['developers', 'g', 3, 'guest'],
      ]);
      const groupMember = list.find((m) => m.entity_type === 'g')!;
      expect(groupMember.entity_id).toBe(stored!.id);
      expect((await call('admin', 'PUT', `/projects/members-a/members/${groupMember.id}`, { role_id: 4 })).status).toBe(
        200,
      );
      expect(
        await json<MemberResponseDto>(await call('admin', 'GET', `/projects/members-a/members/${groupMember.id}`)),
      ).toMatchObject({
        role_id: 4,
        role_name: 'maintainer',
      });
      expect((await call('admin', 'DELETE', `/projects/members-a/members/${groupMember.id}`)).status).toBe(200);
      expect((await call('admin', 'GET', `/projects/members-a/members/${groupMember.id}`)).status).toBe(404);
    });

    it('never removes or demotes the last projectAdmin', async () => {
      const list = await json<MemberResponseDto[]>(await call('admin', 'GET', '/projects/members-a/members'));
      const admin = list.find((m) => m.role_id === 1)!;
      const removed = await call('admin', 'DELETE', `/projects/members-a/members/${admin.id}`);
      expect(removed.status).toBe(409);
      expect((await removed.json()) as unknown).toEqual({
        errors: [{ code: 'CONFLICT', message: expect.stringContaining('last projectAdmin') }],
      });
      expect((await call('admin', 'PUT', `/projects/members-a/members/${admin.id}`, { role_id: 2 })).status).toBe(409);
      const dev = list.find((m) => m.entity_name === 'dev')!;
      expect((await call('admin', 'PUT', `/projects/members-a/members/${dev.id}`, { role_id: 1 })).status).toBe(200);
      expect((await call('admin', 'DELETE', `/projects/members-a/members/${admin.id}`)).status).toBe(200);
      const summary = await json<ProjectSummaryDto>(await call('dev', 'GET', '/projects/members-a/summary'));
      expect(summary).toMatchObject({ project_admin_count: 1, developer_count: 0 });
    });
  });

  describe('metadata', () => {
    it('lists, adds, shows, changes and removes metadata entries, public from its column', async () => {
      expect((await call('admin', 'POST', '/projects', { project_name: 'meta-a', public: true })).status).toBe(201);
      expect(await json(await call('admin', 'GET', '/projects/meta-a/metadatas'))).toEqual({ public: 'true' });
      expect(
        (await call('admin', 'POST', '/projects/meta-a/metadatas', { auto_scan: 'true', severity: 'low' })).status,
      ).toBe(200);
      expect(await json(await call('admin', 'GET', '/projects/meta-a/metadatas/severity'))).toEqual({
        severity: 'low',
      });
      expect((await call('admin', 'PUT', '/projects/meta-a/metadatas/severity', { severity: 'critical' })).status).toBe(
        200,
      );
      expect((await call('admin', 'PUT', '/projects/meta-a/metadatas/public', { public: 'false' })).status).toBe(200);
      expect(await json(await call('admin', 'GET', '/projects/meta-a/metadatas'))).toEqual({
        public: 'false',
        auto_scan: 'true',
        severity: 'critical',
      });
      expect((await call('admin', 'DELETE', '/projects/meta-a/metadatas/auto_scan')).status).toBe(200);
      expect((await call('admin', 'GET', '/projects/meta-a/metadatas/auto_scan')).status).toBe(404);
      expect((await call('admin', 'DELETE', '/projects/meta-a/metadatas/public')).status).toBe(400);
      expect((await call('admin', 'POST', '/projects/meta-a/metadatas', { severity: 'extreme' })).status).toBe(400);
      expect((await call('admin', 'POST', '/projects/meta-a/metadatas', { unknown_key: 'x' })).status).toBe(400);
      expect((await call('outsider', 'GET', '/projects/meta-a/metadatas')).status).toBe(404);
    });
  });

  describe('paging', () => {
    it('pages with X-Total-Count and Link, and refuses page_size above 100', async () => {
      for (let i = 0; i < 12; i++) {
        expect(
          (await call('creator', 'POST', '/projects', { project_name: `paged-${String(i).padStart(2, '0')}` })).status,
        ).toBe(201);
      }
      const res = await call('creator', 'GET', '/projects?name=paged&page=2&page_size=5&sort=name');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe('12');
      expect(res.headers.get('link')).toBe(
        '</api/v2.0/projects?name=paged&page=1&page_size=5&sort=name>; rel="prev", ' +
          '</api/v2.0/projects?name=paged&page=3&page_size=5&sort=name>; rel="next"',
      );
      expect((await json<ProjectResponseDto[]>(res)).map((p) => p.name)).toEqual([
        'paged-05',
        'paged-06',
        'paged-07',
        'paged-08',
        'paged-09',
      ]);
      const desc = await json<ProjectResponseDto[]>(
        await call('creator', 'GET', '/projects?q=name%3D~paged&sort=-name&page_size=2'),
      );
      expect(desc.map((p) => p.name)).toEqual(['paged-11', 'paged-10']);
      const owned = await call('creator', 'GET', `/projects?owner=creator&q=public%3Dfalse&page_size=100`);
      expect(owned.headers.get('x-total-count')).toBe('12');
      expect((await call('creator', 'GET', '/projects?page_size=101')).status).toBe(400);
      expect((await call('creator', 'GET', '/projects?sort=secret')).status).toBe(400);
    });
  });

  describe('deletion', () => {
    it('deletes an empty project with its members, for its projectAdmin', async () => {
      expect((await call('creator', 'DELETE', '/projects/paged-00')).status).toBe(200);
      expect((await call('creator', 'GET', '/projects/paged-00')).status).toBe(404);
      const rows = await api.dataSource.query<unknown[]>(
        "SELECT 1 FROM project_member m JOIN project p ON p.id = m.project_id WHERE p.name = 'paged-00'",
      );
      expect(rows).toEqual([]);
    });
  });
});
