import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import type { Project } from '../../../shared/api/types';
import { projectFixture } from '../test/project-fixtures';

afterEach(() => vi.unstubAllGlobals());

const GiB = 1024 ** 3;

function project(id: number, name: string, overrides: Partial<Project> = {}): Project {
  return projectFixture({ project_id: id, name, ...overrides });
}

const SUMMARY = {
  repo_count: 3,
  project_admin_count: 1,
  maintainer_count: 0,
  developer_count: 2,
  guest_count: 0,
  limited_guest_count: 0,
  quota: { hard: { storage: 10 * GiB }, used: { storage: 2.5 * GiB } },
};

const BASE = {
  'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'registry.example.test' } },
  'GET /api/v2.0/users/current': { body: testUser() },
  'GET /api/v2.0/users/current/permissions': { status: 404 },
};

describe('Projects list', () => {
  it('lists the page the server answers with publicity, repositories and quota use, paging on the server', async () => {
    const { calls } = stubApi({
      ...BASE,
      'GET /api/v2.0/projects': {
        body: [
          project(1, 'library', {
            metadata: { public: 'true' },
            repo_count: 3,
            storage_limit: 10 * GiB,
            storage_used: 2.5 * GiB,
          }),
          project(2, 'team-a'),
        ],
        headers: { 'X-Total-Count': '27' },
      },
    });
    renderConsole('/projects?page=2&size=10&q=a');

    const table = await screen.findByRole('table', { name: 'Projects' });
    await within(table).findByText('library');
    const rows = within(table).getAllByRole('row');
    await waitFor(() => expect(rows[1].textContent).toContain('2.5 GiB of 10.0 GiB'));
    expect(rows[1].textContent).toContain('library');
    expect(within(rows[1]).getByText('Public')).toBeTruthy();
    expect(within(rows[1]).getAllByRole('cell')[3].textContent).toBe('3');
    expect(within(rows[2]).getByText('Private')).toBeTruthy();
    expect(await within(rows[2]).findByText('(unlimited)')).toBeTruthy();
    expect(screen.getByText('11–12 of 27')).toBeTruthy();

    const list = calls.find((call) => call.path === '/api/v2.0/projects');
    expect(Object.fromEntries(list?.url.searchParams ?? [])).toEqual({
      page: '2',
      page_size: '10',
      sort: 'name',
      q: 'name=~a',
    });
    // The list answer carries the quota: no summary request per row.
    expect(calls.filter((call) => call.path.endsWith('/summary'))).toEqual([]);
  });

  it('asks before deleting and shows the API refusal when the project is not empty', async () => {
    stubApi({
      ...BASE,
      'GET /api/v2.0/projects': { body: [project(2, 'team-a', { repo_count: 2 })], headers: { 'X-Total-Count': '1' } },
      'GET /api/v2.0/projects/2/summary': { body: SUMMARY },
      'DELETE /api/v2.0/projects/2': {
        status: 412,
        body: harborError('PRECONDITION', 'project team-a still holds 2 repositories; delete them first'),
      },
    });
    renderConsole('/projects');

    fireEvent.click(await screen.findByRole('button', { name: 'Delete project team-a' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete project team-a?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete project' }));

    expect(await screen.findByText('Could not delete project team-a')).toBeTruthy();
    expect(screen.getByText('project team-a still holds 2 repositories; delete them first')).toBeTruthy();
  });

  it('offers no delete to users whose role may not delete the project', async () => {
    stubApi({
      ...BASE,
      'GET /api/v2.0/projects': {
        body: [project(2, 'team-a', { current_user_role_id: 2, current_user_role_ids: [2] })],
        headers: { 'X-Total-Count': '1' },
      },
      'GET /api/v2.0/projects/2/summary': { body: SUMMARY },
    });
    renderConsole('/projects');

    expect(await screen.findByText('Developer')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete project team-a' })).toBeNull();
  });
});

describe('A project', () => {
  it('shows the exact push command when the project has no repositories', async () => {
    stubApi({
      ...BASE,
      'GET /api/v2.0/projects/2': { body: project(2, 'team-a') },
      'GET /api/v2.0/projects/2/repositories': { body: [], headers: { 'X-Total-Count': '0' } },
    });
    renderConsole('/projects/2/repositories');

    expect(await screen.findByText('No repositories yet')).toBeTruthy();
    const commands = await waitFor(() => {
      const found = Array.from(document.querySelectorAll('pre'), (pre) => pre.textContent);
      expect(found.length).toBe(3);
      return found;
    });
    expect(commands).toEqual([
      'docker login registry.example.test',
      'docker tag <image>:<tag> registry.example.test/team-a/<image>:<tag>',
      'docker push registry.example.test/team-a/<image>:<tag>',
    ]);
    expect(screen.getByRole('tab', { name: 'Repositories' }).getAttribute('aria-selected')).toBe('true');
  });

  it('links each repository to its page, the nested name in one path segment', async () => {
    stubApi({
      ...BASE,
      'GET /api/v2.0/projects/2': { body: project(2, 'team-a') },
      'GET /api/v2.0/projects/2/repositories': {
        body: [
          {
            id: 5,
            project_id: 2,
            name: 'team-a/team/api',
            description: '',
            artifact_count: 2,
            pull_count: 0,
            creation_time: '2025-01-02T03:04:05Z',
            update_time: '2025-01-02T03:04:05Z',
          },
        ],
        headers: { 'X-Total-Count': '1' },
      },
    });
    renderConsole('/projects/2/repositories');

    const link = await screen.findByRole('link', { name: 'team/api' });
    expect(link.getAttribute('href')).toBe('/projects/2/repositories/team%2Fapi');
  });

  it('lists members and lets a project admin change a role', async () => {
    const { calls } = stubApi({
      ...BASE,
      'GET /api/v2.0/projects/2': { body: project(2, 'team-a') },
      'GET /api/v2.0/projects/2/members': {
        body: [
          {
            id: 5,
            project_id: 2,
            entity_name: 'alice',
            entity_type: 'u',
            entity_id: 7,
            role_id: 1,
            role_name: 'projectAdmin',
          },
          {
            id: 6,
            project_id: 2,
            entity_name: 'devs',
            entity_type: 'g',
            entity_id: 3,
            role_id: 2,
            role_name: 'developer',
          },
        ],
        headers: { 'X-Total-Count': '2' },
      },
      'PUT /api/v2.0/projects/2/members/6': { status: 200 },
    });
    renderConsole('/projects/2/members');

    const role = await screen.findByRole('combobox', { name: 'Role of devs' });
    expect(screen.getByText('LDAP group')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add member' })).toBeTruthy();
    fireEvent.change(role, { target: { value: '4' } });

    expect(await screen.findByText('devs is now Maintainer')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({ role_id: 4 });
  });

  it('says so when the project does not exist or is hidden from the user', async () => {
    stubApi({ ...BASE, 'GET /api/v2.0/projects/99': { status: 404, body: harborError('NOT_FOUND', 'no project 99') } });
    renderConsole('/projects/99');

    expect(await screen.findByRole('heading', { name: 'Project not found' })).toBeTruthy();
  });
});
