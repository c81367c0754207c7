import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import type { Project, Robot } from '../../../shared/api/types';
import { projectFixture } from '../test/project-fixtures';

afterEach(() => vi.unstubAllGlobals());

const SECRET = 'Xy7pQ2mN9vB4kL8wR3tZ6hJ1cF5dG0aS';

function project(roleIds: number[] = [1]): Project {
  return projectFixture({ current_user_role_id: roleIds[0] ?? 0, current_user_role_ids: roleIds });
}

function robot(overrides: Partial<Robot> = {}): Robot {
  return {
    id: 9,
    name: 'robot$team-a+deploy',
    description: 'Deploys production',
    level: 'project',
    duration: -1,
    editable: true,
    disable: false,
    expires_at: -1,
    permissions: [
      {
        kind: 'project',
        namespace: 'team-a',
        access: [
          { resource: 'repository', action: 'pull', effect: 'allow' },
          { resource: 'artifact', action: 'read', effect: 'allow' },
        ],
      },
    ],
    creation_time: '2025-01-02T03:04:05Z',
    update_time: '2025-01-02T03:04:05Z',
    last_used_time: null,
    ...overrides,
  };
}

const BASE = {
  'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'registry.example.test' } },
  'GET /api/v2.0/users/current': { body: testUser() },
  'GET /api/v2.0/users/current/permissions': { status: 404 },
};

function stubRobots(extra: Parameters<typeof stubApi>[0] = {}, roleIds = [1]) {
  return stubApi({
    ...BASE,
    'GET /api/v2.0/projects/2': { body: project(roleIds) },
    'GET /api/v2.0/projects/2/robots': {
      body: [robot(), robot({ id: 10, name: 'robot$team-a+old', disable: true, expires_at: 1_700_000_000 })],
      headers: { 'X-Total-Count': '2' },
    },
    ...extra,
  });
}

describe('Project robot accounts', () => {
  it('lists robots with status, permissions and expiry, paged on the server', async () => {
    const { calls } = stubRobots();
    renderConsole('/projects/2/robots?q=team');

    const table = await screen.findByRole('table', { name: 'Robot accounts' });
    await within(table).findByText('robot$team-a+deploy');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByText('Enabled')).toBeTruthy();
    expect(within(rows[1]).getByText('team-a: 2 permissions')).toBeTruthy();
    expect(within(rows[1]).getAllByText('Never')).toHaveLength(2);
    expect(within(rows[2]).getByText('Disabled')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Robot accounts' }).getAttribute('aria-selected')).toBe('true');
    const list = calls.find((call) => call.path === '/api/v2.0/projects/2/robots');
    expect(Object.fromEntries(list?.url.searchParams ?? [])).toEqual({
      page: '1',
      page_size: '25',
      sort: 'name',
      q: 'name=~team',
    });
  });

  it('creates a robot with permissions and expiry, then shows its secret once with a warning', async () => {
    const { calls } = stubRobots({
      'POST /api/v2.0/robots': {
        status: 201,
        body: {
          id: 11,
          name: 'robot$team-a+ci',
          secret: SECRET,
          creation_time: '2025-03-01T00:00:00Z',
          expires_at: 1_800_000_000,
        },
      },
    });
    renderConsole('/projects/2/robots');

    fireEvent.click(await screen.findByRole('button', { name: 'New robot account' }));
    const dialog = await screen.findByRole('dialog', { name: 'New robot account' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot account' }));
    expect(await within(dialog).findByText('Enter a name')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one permission.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), { target: { value: 'ci' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Expires' }), { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pull only' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'repository:push' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot account' }));

    const reveal = await screen.findByRole('dialog', { name: 'Robot account robot$team-a+ci created' });
    expect(within(reveal).getByRole('alert').textContent).toContain('cannot show it again');
    expect((within(reveal).getByRole('textbox', { name: 'Secret' }) as HTMLInputElement).value).toBe(SECRET);
    expect(within(reveal).getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    expect(reveal.querySelector('pre')?.textContent).toBe("docker login registry.example.test -u 'robot$team-a+ci'");

    const post = calls.find((call) => call.method === 'POST' && call.path === '/api/v2.0/robots');
    const body = JSON.parse(post?.body ?? '') as { permissions: { access: { resource: string; action: string }[] }[] };
    expect(body).toMatchObject({ name: 'ci', level: 'project', disable: false, duration: 90 });
    expect(body.permissions).toHaveLength(1);
    expect(body.permissions[0]).toMatchObject({ kind: 'project', namespace: 'team-a' });
    expect(body.permissions[0].access.map((a) => `${a.resource}:${a.action}`).sort()).toEqual(
      ['artifact:read', 'repository:list', 'repository:pull', 'repository:push', 'repository:read', 'tag:list'].sort(),
    );

    fireEvent.click(within(reveal).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the API’s refusal inside the dialog', async () => {
    stubRobots({
      'POST /api/v2.0/robots': { status: 409, body: harborError('CONFLICT', 'a robot named robot$team-a+ci exists') },
    });
    renderConsole('/projects/2/robots');

    fireEvent.click(await screen.findByRole('button', { name: 'New robot account' }));
    const dialog = await screen.findByRole('dialog', { name: 'New robot account' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), { target: { value: 'ci' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pull only' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot account' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('a robot named robot$team-a+ci exists');
  });

  it('refreshes a secret after confirmation and reveals the new one', async () => {
    const { calls } = stubRobots({ 'PATCH /api/v2.0/robots/9': { body: { secret: SECRET } } });
    renderConsole('/projects/2/robots');

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for robot$team-a+deploy' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Refresh secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Refresh the secret of robot$team-a+deploy?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Refresh secret' }));

    const reveal = await screen.findByRole('dialog', { name: 'New robot secret' });
    expect((within(reveal).getByRole('textbox', { name: 'Secret' }) as HTMLInputElement).value).toBe(SECRET);
    expect(calls.find((call) => call.method === 'PATCH')?.body).toBe('{}');
  });

  it('disables a robot and deletes one after confirmation', async () => {
    const { calls } = stubRobots({
      'PUT /api/v2.0/robots/9': { body: robot({ disable: true }) },
      'DELETE /api/v2.0/robots/10': { status: 200 },
    });
    renderConsole('/projects/2/robots');

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for robot$team-a+deploy' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    expect(await screen.findByText('robot$team-a+deploy disabled: it can no longer sign in')).toBeTruthy();
    expect(JSON.parse(calls.find((call) => call.method === 'PUT')?.body ?? '')).toEqual({ disable: true });

    fireEvent.click(screen.getByRole('button', { name: 'Actions for robot$team-a+old' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete robot$team-a+old?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete robot account' }));
    expect(await screen.findByText('robot$team-a+old deleted')).toBeTruthy();
    expect(calls.some((call) => call.method === 'DELETE' && call.path === '/api/v2.0/robots/10')).toBe(true);
  });

  it('shows developers neither the robot accounts nor the logs tab', async () => {
    stubRobots({}, [2]);
    renderConsole('/projects/2/summary');

    expect(await screen.findByRole('tab', { name: 'Members' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Robot accounts' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Logs' })).toBeNull();
  });
});

describe('Project logs', () => {
  it('lists the audit log newest first, filtered by operation and searched by resource', async () => {
    const { calls } = stubApi({
      ...BASE,
      'GET /api/v2.0/projects/2': { body: project() },
      'GET /api/v2.0/projects/2/logs': {
        body: [
          {
            id: 1,
            username: 'alice',
            resource: 'team-a/api:v1',
            resource_type: 'artifact',
            operation: 'push',
            op_time: '2025-03-01T10:00:00Z',
            source_ip: '10.0.0.12',
            result: 'success',
            detail: null,
          },
        ],
        headers: { 'X-Total-Count': '1' },
      },
    });
    const { router } = renderConsole('/projects/2/logs');

    const table = await screen.findByRole('table', { name: 'Audit log' });
    await within(table).findByText('team-a/api:v1');
    expect(within(table).getByText('push')).toBeTruthy();
    expect(within(table).getByText('10.0.0.12')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Operation' }), { target: { value: 'push' } });
    const search = screen.getByRole('searchbox', { name: 'Search by resource' });
    fireEvent.change(search, { target: { value: 'api' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => {
      const last = calls.filter((call) => call.path === '/api/v2.0/projects/2/logs').at(-1);
      expect(Object.fromEntries(last?.url.searchParams ?? [])).toEqual({
        page: '1',
        page_size: '25',
        sort: '-op_time',
        q: 'resource=~api,operation=push',
      });
    });
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      q: 'api',
      operation: 'push',
    });
  });
});
