import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, renderWithSession, testUser } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import { CreateProjectForm, createProjectSchema } from './create-project-form';

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const onSubmit = vi.fn();
  renderWithSession(<CreateProjectForm submitting={false} onSubmit={onSubmit} onCancel={() => undefined} />);
  return onSubmit;
}

function typeName(name: string) {
  fireEvent.change(screen.getByLabelText(/Project name/), { target: { value: name } });
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: 'Create project' }));
}

const GRAMMAR = 'Use lower-case letters and digits, separated by single ".", "_" or "-" (for example team-a).';

describe('Create project form', () => {
  it.each([
    ['', 'Enter a project name.'],
    ['Team-A', GRAMMAR],
    ['team--a', GRAMMAR],
    ['-team', GRAMMAR],
    ['team.', GRAMMAR],
    ['team a', GRAMMAR],
    ['a'.repeat(256), 'Use at most 255 characters.'],
  ])('refuses the name %j with a reason beside the field', async (name, message) => {
    const onSubmit = renderForm();
    typeName(name);
    submit();

    expect(await screen.findByText(message)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each(['team-a', 'a', 'team_a.b-c', 'x1', 'a'.repeat(255)])('accepts the name %j as core-api does', (name) => {
    expect(
      createProjectSchema.safeParse({ name, isPublic: false, unlimited: true, quota: '', unit: 'GiB' }).success,
    ).toBe(true);
  });

  it('sends a private project with unlimited storage by default', () => {
    const onSubmit = renderForm();
    typeName('  team-a ');
    submit();

    expect(onSubmit).toHaveBeenCalledWith({ project_name: 'team-a', metadata: { public: 'false' }, storage_limit: -1 });
  });

  it('sends a public project with its quota in bytes, and asks for a quota above 0', async () => {
    const onSubmit = renderForm();
    typeName('team-a');
    fireEvent.click(screen.getByRole('switch', { name: /Public/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unlimited storage' }));
    fireEvent.change(screen.getByLabelText('Storage quota'), { target: { value: '0' } });
    submit();
    expect(await screen.findByText('Enter a quota above 0, or choose unlimited.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Storage quota'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: 'TiB' } });
    submit();
    expect(onSubmit).toHaveBeenCalledWith({
      project_name: 'team-a',
      metadata: { public: 'true' },
      storage_limit: 1.5 * 1024 ** 4,
    });
  });

  it('creates the project through the New project dialog and shows a taken name beside the field', async () => {
    let created = false;
    const { calls } = stubApi({
      'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'localhost:5000' } },
      'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
      'GET /api/v2.0/projects': () => ({ body: [], headers: { 'X-Total-Count': created ? '1' : '0' } }),
      'POST /api/v2.0/projects': (call) => {
        if (JSON.parse(call.body).project_name === 'library') {
          return { status: 409, body: harborError('CONFLICT', 'project library already exists') };
        }
        created = true;
        return { status: 201 };
      },
    });
    document.cookie = 'berth-csrf=token-123; path=/';
    renderConsole('/projects');

    fireEvent.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = await screen.findByRole('dialog', { name: 'New project' });
    fireEvent.change(within(dialog).getByLabelText(/Project name/), { target: { value: 'library' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(await within(dialog).findByText('project library already exists')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText(/Project name/), { target: { value: 'team-a' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create project' }));
    expect(await screen.findByText('Project team-a created')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New project' })).toBeNull());

    const post = calls.filter((call) => call.method === 'POST').at(-1);
    expect(post?.headers.get('X-Harbor-CSRF-Token')).toBe('token-123');
    document.cookie = 'berth-csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });
});
