import { json, startTenancyApi, type TenancyApi } from '../projects/tenancy.testing';
import { type AuditLogDto } from './dto/audit-log.dto';

/** Entries written straight into the table, so each test knows exactly what the log holds. */
const SEEDED = 'seed';

describe('audit log API', () => {
  let api: TenancyApi;
  let teamId: number;
  let otherId: number;

  const list = async (
    caller: string,
    path: string,
  ): Promise<{ status: number; items: AuditLogDto[]; res: Response }> => {
    const res = await api.call(caller, 'GET', path);
    return { status: res.status, items: res.status === 200 ? await json<AuditLogDto[]>(res.clone()) : [], res };
  };
  const q = (filter: string): string => `q=${encodeURIComponent(filter)}`;

  beforeAll(async () => {
    api = await startTenancyApi('auditlog');
    const users = await api.createUsers('alice', 'bob', 'carol');
    [{ id: teamId }] = await api.dataSource.query(`INSERT INTO project (name) VALUES ('team') RETURNING id`);
    [{ id: otherId }] = await api.dataSource.query(`INSERT INTO project (name) VALUES ('other') RETURNING id`);
    await api.dataSource.query(
      'INSERT INTO project_member (project_id, user_id, role) VALUES ($1, $2, 1), ($1, $3, 2)',
      [teamId, users['alice'], users['bob']],
    );
    const rows: [string, string, string, string, string, number | null, string, string][] = [
      ['2025-03-01T10:00:00Z', 'alice', 'push', 'artifact', 'team/app:1.0', teamId, 'success', '10.0.0.1'],
      ['2025-03-01T11:00:00Z', 'bob', 'pull', 'artifact', 'team/app:1.0', teamId, 'success', '10.0.0.2'],
      [
        '2025-03-02T09:00:00Z',
        'robot$team+ci',
        'pull',
        'artifact',
        'team/web@sha256:ab',
        teamId,
        'success',
        '10.0.0.3',
      ],
      ['2025-03-02T10:00:00Z', 'carol', 'push', 'artifact', 'other/tool:2', otherId, 'success', '10.0.0.4'],
      ['2025-03-03T08:00:00Z', 'mallory', 'login', 'user', 'mallory', null, 'failure', '203.0.113.5'],
      ['2025-03-03T09:00:00Z', 'admin', 'delete', 'tag', 'team/app:old', teamId, 'success', '10.0.0.1'],
    ];
    for (const [time, username, operation, type, resource, projectId, result, ip] of rows) {
      await api.dataSource.query(
        `INSERT INTO audit_log (op_time, username, actor_type, source_ip, operation, resource_type, resource, project_id,
                                result, detail)
         VALUES ($1, $2, 'user', $8, $3, $4, $5, $6, $7, $9)`,
        [time, username, operation, type, resource, projectId, result, ip, { [SEEDED]: true }],
      );
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the whole log for administrators, newest first, in Harbor’s shape', async () => {
    const { status, items, res } = await list(
      'admin',
      `/audit-logs?${q('op_time=[2025-03-01T00:00:00Z~2025-03-31T00:00:00Z]')}`,
    );
    expect(status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('6');
    expect(items.map((e) => e.op_time)).toEqual([
      '2025-03-03T09:00:00.000Z',
      '2025-03-03T08:00:00.000Z',
      '2025-03-02T10:00:00.000Z',
      '2025-03-02T09:00:00.000Z',
      '2025-03-01T11:00:00.000Z',
      '2025-03-01T10:00:00.000Z',
    ]);
    expect(items[1]).toEqual({
      id: expect.any(Number),
      username: 'mallory',
      resource: 'mallory',
      resource_type: 'user',
      operation: 'login',
      op_time: '2025-03-03T08:00:00.000Z',
      source_ip: '203.0.113.5',
      result: 'failure',
      detail: { [SEEDED]: true },
    });
  });

  it.each([
    ['username=bob', ['bob']],
    ['operation=pull', ['robot$team+ci', 'bob']],
    ['resource_type=tag', ['admin']],
    ['resource=~team/app', ['admin', 'bob', 'alice']],
    ['op_time=[2025-03-02T00:00:00Z~2025-03-02T23:59:59Z]', ['carol', 'robot$team+ci']],
    ['result=failure', ['mallory']],
    ['operation={push delete}', ['admin', 'carol', 'alice']],
    ['source_ip=10.0.0.1', ['admin', 'alice']],
  ])('filters with q=%s', async (filter, usernames) => {
    // Entries the API itself wrote (sign-ins) fall outside March 2025; the range keeps them out unless it is the filter.
    const within = filter.startsWith('op_time=')
      ? filter
      : `${filter},op_time=[2025-03-01T00:00:00Z~2025-03-31T00:00:00Z]`;
    const { status, items } = await list('admin', `/audit-logs?${q(within)}`);
    expect(status).toBe(200);
    expect(items.map((e) => e.username)).toEqual(usernames);
  });

  it('pages and sorts', async () => {
    const filter = q('op_time=[2025-03-01T00:00:00Z~2025-03-31T00:00:00Z]');
    const first = await list('admin', `/audit-logs?${filter}&sort=username&page=1&page_size=4`);
    expect(first.items.map((e) => e.username)).toEqual(['admin', 'alice', 'bob', 'carol']);
    expect(first.res.headers.get('link')).toContain('rel="next"');
    const second = await list('admin', `/audit-logs?${filter}&sort=username&page=2&page_size=4`);
    expect(second.items.map((e) => e.username)).toEqual(['mallory', 'robot$team+ci']);
    expect(second.res.headers.get('link')).toContain('rel="prev"');
    expect(second.res.headers.get('x-total-count')).toBe('6');
  });

  it.each([
    ['an unknown key', 'q=actor=bob'],
    ['a bad date', 'q=op_time=[yesterday~today]'],
    ['an unknown sort field', 'sort=detail'],
    ['a page size above 100', 'page_size=101'],
  ])('refuses %s with 400', async (_, query) => {
    expect((await list('admin', `/audit-logs?${query}`)).status).toBe(400);
  });

  it('refuses the whole log to anyone without audit-log:list', async () => {
    expect((await list('alice', '/audit-logs')).status).toBe(403);
    expect((await api.call(null, 'GET', '/audit-logs')).status).toBe(401);
  });

  it('shows a project’s log to its admins only, and only that project’s entries', async () => {
    const seeded = `q=${encodeURIComponent('op_time=[2025-03-01T00:00:00Z~2025-03-31T00:00:00Z]')}`;
    const team = await list('alice', `/projects/team/logs?${seeded}`);
    expect(team.status).toBe(200);
    expect(team.items.map((e) => e.username)).toEqual(['admin', 'robot$team+ci', 'bob', 'alice']);
    const byId = await list(
      'alice',
      `/projects/${teamId}/logs?${q('operation=pull,op_time=[2025-03-01T00:00:00Z~2025-03-31T00:00:00Z]')}`,
    );
    expect(byId.items.map((e) => e.username)).toEqual(['robot$team+ci', 'bob']);
    expect((await list('admin', `/projects/other/logs?${seeded}`)).items.map((e) => e.username)).toEqual(['carol']);

    expect((await list('bob', '/projects/team/logs')).status).toBe(403);
    expect((await list('carol', '/projects/team/logs')).status).toBe(404);
    expect((await list('alice', '/projects/other/logs')).status).toBe(404);
  });

  it('records changes made through the API with who, from where and the result', async () => {
    const res = await api.call('admin', 'PUT', '/configurations', { audit_log_retention_days: 30 });
    expect(res.status).toBe(200);
    const { items } = await list('admin', `/audit-logs?${q('resource_type=configuration,username=admin')}`);
    expect(items[0]).toMatchObject({
      username: 'admin',
      operation: 'update',
      resource_type: 'configuration',
      source_ip: expect.stringMatching(/127\.0\.0\.1/),
      result: 'success',
      detail: { changed_keys: ['audit_log_retention_days'] },
    });
  });
});
