import { createHash } from 'node:crypto';
import { basic, json, startTenancyApi, type TenancyApi } from '../projects/tenancy.testing';
import { type RobotCreatedResponseDto, type RobotResponseDto } from './dto/robot-response.dto';

const DAY_MS = 24 * 60 * 60 * 1000;
const pullPush = [
  { resource: 'repository', action: 'pull' },
  { resource: 'repository', action: 'push' },
];

describe('robot accounts', () => {
  let api: TenancyApi;
  let teamId: number;

  /** Calls the API as a robot with its secret. */
  const asRobot = (name: string, secret: string, path: string): Promise<Response> =>
    fetch(`${api.base}${path}`, { headers: { authorization: basic(name, secret) } });

  const projectRobot = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    level: 'project',
    duration: 30,
    permissions: [{ kind: 'project', namespace: 'team', access: pullPush }],
    ...extra,
  });

  const create = async (caller: string, body: unknown): Promise<RobotCreatedResponseDto> => {
    const res = await api.call(caller, 'POST', '/robots', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return json<RobotCreatedResponseDto>(res);
  };

  beforeAll(async () => {
    api = await startTenancyApi('robots');
    const users = await api.createUsers('alice', 'bob', 'carol');
    const [team] = await api.dataSource.query(`INSERT INTO project (name) VALUES ('team') RETURNING id`);
    await api.dataSource.query(`INSERT INTO project (name) VALUES ('other')`);
    teamId = team.id;
    await api.dataSource.query(
      'INSERT INTO project_member (project_id, user_id, role) VALUES ($1, $2, 1), ($1, $3, 2)',
      [teamId, users['alice'], users['bob']],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates a system robot, shows its secret once and stores only its SHA-256 hash', async () => {
    const created = await create('admin', {
      name: 'sysbot',
      level: 'system',
      duration: -1,
      permissions: [
        { kind: 'system', namespace: '/', access: [{ resource: 'audit-log', action: 'list' }] },
        { kind: 'project', namespace: '*', access: [{ resource: 'repository', action: 'pull' }] },
      ],
    });
    expect(created.name).toBe('robot$sysbot');
    expect(created.secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(created.expires_at).toBe(-1);
    const [row] = await api.dataSource.query('SELECT secret_hash FROM robot WHERE id = $1', [created.id]);
    expect(row.secret_hash).toBe(`sha256:${createHash('sha256').update(created.secret).digest('hex')}`);

    const read = await json<RobotResponseDto & { secret?: string }>(
      await api.call('admin', 'GET', `/robots/${created.id}`),
    );
    expect(read).toMatchObject({ name: 'robot$sysbot', level: 'system', duration: -1, disable: false });
    expect(read.secret).toBeUndefined();
    expect(JSON.stringify(read)).not.toContain(created.secret);
    expect(read.permissions).toContainEqual({
      kind: 'system',
      namespace: '/',
      access: [{ resource: 'audit-log', action: 'list', effect: 'allow' }],
    });

    // The system robot holds audit-log:list, so it may read the audit log.
    expect((await asRobot(created.name, created.secret, '/audit-logs')).status).toBe(200);
  });

  it('lets a project admin create a project robot named robot$<project>+<name>, and nobody else', async () => {
    const created = await create('alice', projectRobot('ci'));
    expect(created.name).toBe('robot$team+ci');
    expect(created.expires_at * 1000).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    expect(created.expires_at * 1000).toBeLessThan(Date.now() + 31 * DAY_MS);

    expect((await api.call('bob', 'POST', '/robots', projectRobot('dev'))).status).toBe(403);
    expect((await api.call('carol', 'POST', '/robots', projectRobot('stranger'))).status).toBe(404);
    expect((await api.call(null, 'POST', '/robots', projectRobot('anon'))).status).toBe(401);
    const system = {
      name: 'nope',
      level: 'system',
      permissions: [{ kind: 'project', namespace: 'team', access: pullPush }],
    };
    expect((await api.call('alice', 'POST', '/robots', system)).status).toBe(403);
    const elsewhere = {
      ...projectRobot('x'),
      permissions: [{ kind: 'project', namespace: 'other', access: pullPush }],
    };
    expect((await api.call('alice', 'POST', '/robots', elsewhere)).status).toBe(404);
    expect((await api.call('alice', 'POST', '/robots', projectRobot('ci'))).status).toBe(409);
  });

  it.each([
    ['a bad name', projectRobot('CI Bot')],
    [
      'a permission no role holds',
      {
        ...projectRobot('a'),
        permissions: [{ kind: 'project', namespace: 'team', access: [{ resource: 'repository', action: 'fly' }] }],
      },
    ],
    [
      'two projects',
      {
        ...projectRobot('b'),
        permissions: [
          { kind: 'project', namespace: 'team', access: pullPush },
          { kind: 'project', namespace: 'other', access: pullPush },
        ],
      },
    ],
    ['a short chosen secret', projectRobot('c', { secret: 'Short1secret' })],
    ['an unknown field', projectRobot('d', { owner: 'me' })],
  ])('refuses %s with 400', async (_, body) => {
    const res = await api.call('alice', 'POST', '/robots', body);
    expect(res.status).toBe(400);
    expect((await json<{ errors: { code: string }[] }>(res)).errors[0]!.code).toBe('BAD_REQUEST');
  });

  it('authenticates with its secret until it is disabled, expired or deleted, and records its last use', async () => {
    const robot = await create('alice', projectRobot('auth'));
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(200);
    expect((await asRobot(robot.name, `${robot.secret}x`, `/robots/${robot.id}`)).status).toBe(401);
    expect((await asRobot('robot$team+nobody', robot.secret, `/robots/${robot.id}`)).status).toBe(401);
    const [used] = await api.dataSource.query('SELECT last_used_at FROM robot WHERE id = $1', [robot.id]);
    expect(Date.now() - new Date(used.last_used_at).getTime()).toBeLessThan(60_000);
    const shown = await json<RobotResponseDto>(await api.call('alice', 'GET', `/robots/${robot.id}`));
    expect(shown.last_used_time).not.toBeNull();

    expect((await api.call('alice', 'PUT', `/robots/${robot.id}`, { disable: true })).status).toBe(200);
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(401);
    expect((await api.call('alice', 'PUT', `/robots/${robot.id}`, { disable: false })).status).toBe(200);
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(200);

    await api.dataSource.query(`UPDATE robot SET expires_at = now() - interval '1 second' WHERE id = $1`, [robot.id]);
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(401);
    await api.dataSource.query(`UPDATE robot SET expires_at = now() + interval '1 day' WHERE id = $1`, [robot.id]);

    expect((await api.call('bob', 'DELETE', `/robots/${robot.id}`)).status).toBe(403);
    expect((await api.call('alice', 'DELETE', `/robots/${robot.id}`)).status).toBe(200);
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(401);
    expect((await api.call('alice', 'GET', `/robots/${robot.id}`)).status).toBe(404);
  });

  it('rotates the secret, keeping the old one valid for its grace period only', async () => {
    const robot = await create('alice', projectRobot('rotate'));
    const res = await api.call('alice', 'PATCH', `/robots/${robot.id}`, {});
    expect(res.status).toBe(200);
    const { secret } = await json<{ secret: string }>(res);
    expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(secret).not.toBe(robot.secret);
    expect((await asRobot(robot.name, secret, `/robots/${robot.id}`)).status).toBe(200);
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(200);
    const [row] = await api.dataSource.query('SELECT previous_secret_expires_at FROM robot WHERE id = $1', [robot.id]);
    const grace = new Date(row.previous_secret_expires_at).getTime() - Date.now();
    expect(grace).toBeGreaterThan(DAY_MS - 60_000);
    expect(grace).toBeLessThanOrEqual(DAY_MS);

    await api.dataSource.query(
      `UPDATE robot SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`,
      [robot.id],
    );
    expect((await asRobot(robot.name, robot.secret, `/robots/${robot.id}`)).status).toBe(401);
    expect((await asRobot(robot.name, secret, `/robots/${robot.id}`)).status).toBe(200);

    // A robot may refresh its own secret, to a chosen one.
    const chosen = 'Chosen1Secret'.padEnd(40, 'x');
    const own = await fetch(`${api.base}/robots/${robot.id}`, {
      method: 'PATCH',
      headers: { authorization: basic(robot.name, secret), 'content-type': 'application/json' },
      body: JSON.stringify({ secret: chosen }),
    });
    expect(own.status).toBe(200);
    expect((await asRobot(robot.name, chosen, `/robots/${robot.id}`)).status).toBe(200);
  });

  it('refuses robots that never expire once the system policy forbids them', async () => {
    const policy = await api.call('admin', 'PUT', '/configurations', { robot_never_expire_allowed: false });
    expect(policy.status).toBe(200);
    try {
      expect((await api.call('alice', 'POST', '/robots', projectRobot('forever', { duration: -1 }))).status).toBe(400);
      const robot = await create('alice', projectRobot('finite', { duration: 5 }));
      expect(robot.expires_at * 1000).toBeGreaterThan(Date.now() + 4 * DAY_MS);
      expect((await api.call('alice', 'PUT', `/robots/${robot.id}`, { duration: -1 })).status).toBe(400);
    } finally {
      await api.call('admin', 'PUT', '/configurations', { robot_never_expire_allowed: true });
    }
  });

  it('updates description and permissions but never name or level', async () => {
    const robot = await create('alice', projectRobot('upd'));
    const updated = await api.call('alice', 'PUT', `/robots/${robot.id}`, {
      name: robot.name,
      description: 'pulls only',
      permissions: [{ kind: 'project', namespace: 'team', access: [{ resource: 'repository', action: 'pull' }] }],
    });
    expect(updated.status).toBe(200);
    expect(await json<RobotResponseDto>(updated)).toMatchObject({
      description: 'pulls only',
      permissions: [
        { kind: 'project', namespace: 'team', access: [{ resource: 'repository', action: 'pull', effect: 'allow' }] },
      ],
    });
    expect((await api.call('alice', 'PUT', `/robots/${robot.id}`, { name: 'robot$team+other' })).status).toBe(400);
    expect((await api.call('alice', 'PUT', `/robots/${robot.id}`, { level: 'system' })).status).toBe(400);
  });

  it('lists a project’s robots for its admins and every robot for system administrators', async () => {
    const byProject = await api.call(
      'alice',
      'GET',
      `/robots?q=${encodeURIComponent(`Level=project,ProjectID=${teamId}`)}&page_size=2`,
    );
    expect(byProject.status).toBe(200);
    const total = Number(byProject.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(3);
    const page = await json<RobotResponseDto[]>(byProject);
    expect(page).toHaveLength(2);
    expect(page.every((r) => r.name.startsWith('robot$team+'))).toBe(true);
    expect(byProject.headers.get('link')).toContain('rel="next"');

    expect((await api.call('alice', 'GET', '/robots')).status).toBe(403);
    expect((await api.call('bob', 'GET', `/robots?q=ProjectID=${teamId}`)).status).toBe(403);
    expect((await api.call('carol', 'GET', `/robots?q=ProjectID=${teamId}`)).status).toBe(404);

    const all = await api.call('admin', 'GET', '/robots?page_size=100');
    const names = (await json<RobotResponseDto[]>(all)).map((r) => r.name);
    expect(names).toContain('robot$sysbot');
    expect(names).toContain('robot$team+ci');
    expect(Number(all.headers.get('x-total-count'))).toBe(total + 1);

    const projectList = await api.call('alice', 'GET', '/projects/team/robots?q=name=~ci');
    expect((await json<RobotResponseDto[]>(projectList)).map((r) => r.name)).toEqual(['robot$team+ci']);
    expect((await api.call('bob', 'GET', '/projects/team/robots')).status).toBe(403);
    expect((await api.call('carol', 'GET', '/projects/team/robots')).status).toBe(404);
  });

  it('audits robot changes with who did them', async () => {
    const rows: { username: string; operation: string }[] = await api.dataSource.query(
      `SELECT username, operation FROM audit_log WHERE resource_type = 'robot' AND resource = 'robot$team+rotate'
         AND operation IN ('create', 'update', 'delete')
       ORDER BY id`,
    );
    expect(rows).toEqual([
      { username: 'alice', operation: 'create' },
      { username: 'alice', operation: 'update' },
      { username: 'robot$team+rotate', operation: 'update' },
    ]);
  });
});
