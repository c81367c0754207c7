import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, renderWithSession, testUser } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import { projectFixture } from '../test/project-fixtures';
import { ProjectSettingsForm } from './project-settings-form';
import { fromStorageLimit, toStorageLimit } from './quota-fields';

afterEach(() => vi.unstubAllGlobals());

const GiB = 1024 ** 3;

describe('quota fields', () => {
  it.each([
    [-1, { unlimited: true, quota: 10, unit: 'GiB' }],
    [512 * 1024 ** 2, { unlimited: false, quota: 512, unit: 'MiB' }],
    [10 * GiB, { unlimited: false, quota: 10, unit: 'GiB' }],
    [1.5 * 1024 ** 4, { unlimited: false, quota: 1.5, unit: 'TiB' }],
    [1024, { unlimited: false, quota: 0, unit: 'MiB' }],
  ] as const)('shows a storage_limit of %d in the largest unit it fills', (limit, values) => {
    expect(fromStorageLimit(limit)).toEqual(values);
  });

  it('turns the fields back into bytes, -1 for unlimited', () => {
    expect(toStorageLimit({ unlimited: false, quota: 2.5, unit: 'GiB' })).toBe(2.5 * GiB);
    expect(toStorageLimit({ unlimited: true, quota: 2.5, unit: 'GiB' })).toBe(-1);
  });
});

describe('Project settings', () => {
  function form() {
    return screen.getByRole('form', { name: 'Settings of team-a' });
  }

  it('shows the stored settings and sends only what changed', async () => {
    const { calls } = stubApi({ 'PUT /api/v2.0/projects/2': { status: 200 } });
    renderWithSession(<ProjectSettingsForm project={projectFixture({ storage_limit: 10 * GiB })} />);

    expect((within(form()).getByRole('switch', { name: /Public/ }) as HTMLInputElement).checked).toBe(false);
    expect((within(form()).getByRole('textbox', { name: 'Storage quota' }) as HTMLInputElement).value).toBe('10');
    const save = within(form()).getByRole('button', { name: 'Save settings' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.click(within(form()).getByRole('switch', { name: /Public/ }));
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(JSON.parse(calls.find((call) => call.method === 'PUT')?.body ?? '')).toEqual({
      metadata: { public: 'true' },
    });
    expect(await screen.findByText('Settings of team-a saved')).toBeTruthy();
  });

  it('sets the quota in bytes, refuses none, and shows the API refusal', async () => {
    const { calls } = stubApi({
      'PUT /api/v2.0/projects/2': { status: 400, body: harborError('BAD_REQUEST', 'storage_limit is too large') },
    });
    renderWithSession(<ProjectSettingsForm project={projectFixture()} />);

    fireEvent.click(within(form()).getByRole('checkbox', { name: 'Unlimited storage' }));
    const quota = within(form()).getByRole('textbox', { name: 'Storage quota' });
    fireEvent.change(quota, { target: { value: '0' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save settings' }));
    expect(await within(form()).findByText('Enter a quota above 0, or choose unlimited.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.change(quota, { target: { value: '20' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Save settings' }));
    expect((await within(form()).findByRole('alert')).textContent).toBe('storage_limit is too large');
    expect(JSON.parse(calls.find((call) => call.method === 'PUT')?.body ?? '')).toEqual({ storage_limit: 20 * GiB });
  });

  it('shows on the Summary tab only to those who may change the project', async () => {
    const routes = (roleIds: number[]) => ({
      'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'registry.example.test' } },
      'GET /api/v2.0/users/current': { body: testUser() },
      'GET /api/v2.0/users/current/permissions': { status: 404 },
      'GET /api/v2.0/projects/2': {
        body: projectFixture({ current_user_role_id: roleIds[0], current_user_role_ids: roleIds }),
      },
      'GET /api/v2.0/projects/2/summary': {
        body: {
          repo_count: 0,
          project_admin_count: 1,
          maintainer_count: 0,
          developer_count: 0,
          guest_count: 0,
          limited_guest_count: 0,
          quota: { hard: { storage: -1 }, used: { storage: 0 } },
        },
      },
    });
    stubApi(routes([1]));
    const admin = renderConsole('/projects/2/summary');
    expect(await screen.findByRole('form', { name: 'Settings of team-a' })).toBeTruthy();
    admin.view.unmount();

    stubApi(routes([3]));
    renderConsole('/projects/2/summary');
    await screen.findByText('(unlimited)');
    expect(screen.queryByRole('form', { name: 'Settings of team-a' })).toBeNull();
  });
});
