import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi, type StubRoute } from '../../../shared/test/stub-api';
import { configurationsFixture, robotFixture } from '../test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const SECRET = 'Xk39aLq0Zr7TbW2mNc8VdE4yHs6JuP1f';

function stubRobots(routes: Record<string, StubRoute> = {}) {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'registry.example.test' } },
    'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
    'GET /api/v2.0/configurations': { body: configurationsFixture({ robot_token_duration: 45 }) },
    'GET /api/v2.0/robots': { body: [], headers: { 'X-Total-Count': '0' } },
    ...routes,
  });
}

async function openCreateDialog() {
  fireEvent.click((await screen.findAllByRole('button', { name: 'New robot account' }))[0]);
  return screen.findByRole('dialog', { name: 'New robot account' });
}

describe('System robot accounts', () => {
  it('lists system robots only, with their state and what they may do', async () => {
    const { calls } = stubRobots({
      'GET /api/v2.0/robots': {
        body: [
          robotFixture(1, 'robot$ci', { description: 'Builds' }),
          robotFixture(2, 'robot$old', { expires_at: 1_600_000_000 }),
          robotFixture(3, 'robot$off', { disable: true, expires_at: -1 }),
        ],
        headers: { 'X-Total-Count': '3' },
      },
    });
    renderConsole('/admin/robots?q=ci');

    const table = await screen.findByRole('table', { name: 'Robot accounts' });
    await within(table).findByText('robot$ci');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByText('Enabled')).toBeTruthy();
    expect(rows[1].textContent).toContain('All projects: 1 permission');
    expect(within(rows[2]).getByText('Expired')).toBeTruthy();
    expect(within(rows[3]).getByText('Disabled')).toBeTruthy();
    // Expires: never; last used: never.
    expect(within(rows[3]).getAllByText('Never')).toHaveLength(2);
    const list = calls.find((call) => call.path === '/api/v2.0/robots');
    expect(list?.url.searchParams.get('q')).toBe('Level=system,name=~ci');
  });

  it('checks name, lifetime and permissions before creating, then shows the secret once', async () => {
    const { calls } = stubRobots({
      'POST /api/v2.0/robots': {
        status: 201,
        body: { id: 9, name: 'robot$ci', secret: SECRET, creation_time: '2025-01-02T03:04:05Z', expires_at: -1 },
      },
    });
    renderConsole('/admin/robots');
    const dialog = await openCreateDialog();

    expect((within(dialog).getByRole('radio', { name: /Never/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'CI job' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'After a number of days' }));
    fireEvent.change(within(dialog).getByLabelText('Days'), { target: { value: '0' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot' }));
    expect(await within(dialog).findByText(/Use lower-case letters and digits/)).toBeTruthy();
    expect(within(dialog).getByText('Enter a whole number of days from 1 to 36500.')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one permission.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'ci' } });
    expect(within(dialog).getByText('robot$ci')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Days'), { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add project permissions' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot' }));
    expect(
      await within(dialog).findByText('Enter a project name for every project permission, or choose all projects.'),
    ).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Project'), { target: { value: 'library' } });
    const library = within(dialog).getByRole('table', { name: 'Permissions in library' });
    fireEvent.click(within(library).getByRole('checkbox', { name: 'repository:push' }));
    const system = within(dialog).getByRole('table', { name: 'System permissions' });
    fireEvent.click(within(system).getByRole('checkbox', { name: 'audit-log:list' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot' }));

    const reveal = await screen.findByRole('dialog', { name: 'Robot account robot$ci created' });
    expect(within(reveal).getByRole('alert').textContent).toContain('cannot show it again');
    expect((within(reveal).getByLabelText('Secret') as HTMLInputElement).value).toBe(SECRET);
    expect((within(reveal).getByLabelText('Robot name') as HTMLInputElement).value).toBe('robot$ci');
    expect(within(reveal).getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    expect(within(reveal).getByText("docker login registry.example.test -u 'robot$ci'")).toBeTruthy();

    const post = calls.find((call) => call.method === 'POST');
    const access = (...keys: string[]) =>
      keys.map((key) => ({ resource: key.split(':')[0], action: key.split(':')[1], effect: 'allow' }));
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      name: 'ci',
      level: 'system',
      disable: false,
      description: '',
      duration: 90,
      permissions: [
        { kind: 'system', namespace: '/', access: access('audit-log:list') },
        {
          kind: 'project',
          namespace: 'library',
          access: access(
            'repository:pull',
            'repository:read',
            'repository:list',
            'repository:push',
            'artifact:read',
            'tag:list',
          ),
        },
      ],
    });

    fireEvent.click(within(reveal).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /created/ })).toBeNull());
  });

  it('keeps the dialog open with the API refusal of a taken name beside the field', async () => {
    stubRobots({ 'POST /api/v2.0/robots': { status: 409, body: harborError('CONFLICT', 'robot robot$ci exists') } });
    renderConsole('/admin/robots');
    const dialog = await openCreateDialog();
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'ci' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add project permissions' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'All projects, present and future' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create robot' }));

    expect(await within(dialog).findByText('robot robot$ci exists')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'New robot account' })).toBeTruthy();
  });

  it('rotates a secret after confirming and shows the new one once', async () => {
    stubRobots({
      'GET /api/v2.0/robots': { body: [robotFixture(4, 'robot$ci')], headers: { 'X-Total-Count': '1' } },
      'PATCH /api/v2.0/robots/4': { body: { secret: SECRET } },
    });
    renderConsole('/admin/robots');

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for robot$ci' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Rotate secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rotate the secret of robot$ci?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));

    const reveal = await screen.findByRole('dialog', { name: 'New secret of robot$ci' });
    expect((within(reveal).getByLabelText('Secret') as HTMLInputElement).value).toBe(SECRET);
    expect(await screen.findByText('New secret of robot$ci issued')).toBeTruthy();
  });
});
