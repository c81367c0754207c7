import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import {
  BASE_ROUTES,
  REPO_API,
  digestOf,
  imageFixture,
  indexFixture,
  projectFixture,
  stubClipboard,
} from '../test/artifact-fixtures';

afterEach(() => vi.unstubAllGlobals());

const REPOSITORY = {
  id: 5,
  project_id: 2,
  name: 'team-a/team/api',
  description: 'The API',
  artifact_count: 2,
  pull_count: 7,
  creation_time: '2025-01-02T03:04:05Z',
  update_time: '2025-03-01T10:00:00Z',
};

const IMAGE_API = `${REPO_API}/artifacts/${encodeURIComponent(digestOf('a'))}`;

function stubRepository(roleIds: number[] = [1], extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...BASE_ROUTES,
    'GET /api/v2.0/projects/2': { body: projectFixture(roleIds) },
    [`GET ${REPO_API}`]: { body: REPOSITORY },
    [`GET ${REPO_API}/artifacts`]: { body: [imageFixture(), indexFixture()], headers: { 'X-Total-Count': '2' } },
    ...extra,
  });
}

function rowOf(label: string): HTMLElement {
  const link = screen.getByRole('link', { name: `Artifact ${label}` });
  return link.closest('tr') as HTMLElement;
}

describe('A repository', () => {
  it('lists artifacts with tags, type, platforms, size and pull time, paged on the server', async () => {
    const { calls } = stubRepository();
    renderConsole('/projects/2/repositories/team%2Fapi?page=1&size=10');

    const table = await screen.findByRole('table', { name: 'Artifacts' });
    await within(table).findByText('sha256:aaaaaaaaaaaa');
    expect(screen.getByRole('heading', { name: 'team-a/team/api' })).toBeTruthy();
    expect(screen.getByText('2 artifacts · 7 pulls')).toBeTruthy();
    expect(screen.getByText('The API')).toBeTruthy();

    const image = rowOf('sha256:aaaaaaaaaaaa');
    expect(within(image).getByText('v1')).toBeTruthy();
    expect(within(image).getByText('latest')).toBeTruthy();
    expect(within(image).getByText('Image')).toBeTruthy();
    expect(within(image).getByText('3.0 MiB')).toBeTruthy();
    expect(within(image).getByText('Never')).toBeTruthy();

    const index = rowOf('sha256:bbbbbbbbbbbb');
    expect(within(index).getByText('Image index')).toBeTruthy();
    expect(
      within(within(index).getByLabelText('Platforms'))
        .getAllByText(/linux/)
        .map((badge) => badge.textContent),
    ).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(within(index).getByText('6.0 MiB')).toBeTruthy();
    expect(within(index).getByRole('link', { name: 'Artifact sha256:bbbbbbbbbbbb' }).getAttribute('href')).toBe(
      `/projects/2/repositories/team%2Fapi/artifacts/${encodeURIComponent(digestOf('b'))}`,
    );

    const list = calls.find((call) => call.path === `${REPO_API}/artifacts`);
    expect(Object.fromEntries(list?.url.searchParams ?? [])).toEqual({
      page: '1',
      page_size: '10',
      sort: '-push_time',
    });
  });

  it('copies the exact docker pull command by tag and by digest', async () => {
    stubRepository();
    const writeText = stubClipboard();
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Pull commands for sha256:aaaaaaaaaaaa' }));
    const commands = await screen.findByRole('dialog', { name: 'Pull commands for sha256:aaaaaaaaaaaa' });
    expect(Array.from(commands.querySelectorAll('pre'), (pre) => pre.textContent)).toEqual([
      'docker pull registry.example.test/team-a/team/api:v1',
      'docker pull registry.example.test/team-a/team/api:latest',
      `docker pull registry.example.test/team-a/team/api@${digestOf('a')}`,
    ]);

    fireEvent.click(within(commands).getByRole('button', { name: 'Copy pull command for tag v1' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith('docker pull registry.example.test/team-a/team/api:v1'),
    );
    fireEvent.click(within(commands).getByRole('button', { name: 'Copy pull command by digest' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenLastCalledWith(`docker pull registry.example.test/team-a/team/api@${digestOf('a')}`),
    );
  });

  it('adds a tag after checking its name, and removes one after confirmation', async () => {
    const { calls } = stubRepository([1], {
      [`POST ${IMAGE_API}/tags`]: { status: 201 },
      [`DELETE ${IMAGE_API}/tags/latest`]: { status: 200 },
    });
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Add a tag to sha256:aaaaaaaaaaaa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tag' });
    const input = within(dialog).getByRole('textbox', { name: /Tag/ });
    fireEvent.change(input, { target: { value: '-bad' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    expect(await within(dialog).findByText(/Up to 128 letters/)).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(input, { target: { value: 'v2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByText('Tagged sha256:aaaaaaaaaaaa as v2')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.path).toBe(`${IMAGE_API}/tags`);
    expect(JSON.parse(post?.body ?? '')).toEqual({ name: 'v2' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove tag latest' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove tag latest?' });
    expect(confirm.textContent).toContain('team-a/team/api:latest will no longer pull');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove tag' }));
    expect(await screen.findByText('Tag latest removed')).toBeTruthy();
    expect(calls.some((call) => call.method === 'DELETE' && call.path === `${IMAGE_API}/tags/latest`)).toBe(true);
  });

  it('shows the API’s message when the tag is taken', async () => {
    stubRepository([1], {
      [`POST ${IMAGE_API}/tags`]: {
        status: 409,
        body: harborError('CONFLICT', 'repository team-a/team/api already has a tag v1'),
      },
    });
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Add a tag to sha256:aaaaaaaaaaaa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tag' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Tag/ }), { target: { value: 'v1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'repository team-a/team/api already has a tag v1',
    );
  });

  it('deletes an artifact only after confirmation, and shows a refusal', async () => {
    const { calls } = stubRepository([1], {
      [`DELETE ${IMAGE_API}`]: {
        status: 409,
        body: harborError('CONFLICT', 'the manifest is listed by an index in this repository; delete the index first'),
      },
    });
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Delete artifact sha256:aaaaaaaaaaaa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete artifact sha256:aaaaaaaaaaaa?' });
    expect(dialog.textContent).toContain('Its tags v1, latest go with it.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete artifact sha256:aaaaaaaaaaaa' }));
    const again = await screen.findByRole('dialog', { name: 'Delete artifact sha256:aaaaaaaaaaaa?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Delete artifact' }));
    expect(await screen.findByText('Could not delete artifact sha256:aaaaaaaaaaaa')).toBeTruthy();
    expect(
      screen.getByText('the manifest is listed by an index in this repository; delete the index first'),
    ).toBeTruthy();
  });

  it('offers guests the pull commands but no tag or delete actions', async () => {
    stubRepository([3]);
    renderConsole('/projects/2/repositories/team%2Fapi');

    expect(await screen.findByRole('button', { name: 'Pull commands for sha256:aaaaaaaaaaaa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Delete artifact/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add a tag/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove tag/ })).toBeNull();
  });

  it('lets a writer edit the description, and shows the saved text or the API’s refusal', async () => {
    let description = 'The API';
    let refuse = false;
    const { calls } = stubRepository([2], {
      [`GET ${REPO_API}`]: () => ({ body: { ...REPOSITORY, description } }),
      [`PUT ${REPO_API}`]: (call) => {
        if (refuse) return { status: 403, body: harborError('FORBIDDEN', 'you may not update team-a/team/api') };
        description = (JSON.parse(call.body) as { description: string }).description;
        return { status: 200 };
      },
    });
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit description' }));
    const field = screen.getByRole('textbox', { name: /Description/ });
    expect((field as HTMLTextAreaElement).value).toBe('The API');
    await waitFor(() => expect(document.activeElement).toBe(field));
    fireEvent.change(field, { target: { value: '  Payments API, owned by the payments team  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }));
    expect(await screen.findByText('Description of team-a/team/api saved')).toBeTruthy();
    expect(await screen.findByText('Payments API, owned by the payments team')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /Description/ })).toBeNull();
    const sent = calls.filter((call) => call.method === 'PUT');
    expect(sent.map((call) => JSON.parse(call.body))).toEqual([
      { description: 'Payments API, owned by the payments team' },
    ]);

    refuse = true;
    fireEvent.click(screen.getByRole('button', { name: 'Edit description' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Description/ }), { target: { value: 'Something else' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }));
    const form = screen.getByRole('form', { name: 'Repository description' });
    expect((await within(form).findByRole('alert')).textContent).toContain('you may not update team-a/team/api');
    expect(screen.getByRole('textbox', { name: /Description/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Payments API, owned by the payments team')).toBeTruthy();
  });

  it('shows the save of a description in progress on its button', async () => {
    stubRepository([1], { [`PUT ${REPO_API}`]: 'pending' });
    renderConsole('/projects/2/repositories/team%2Fapi');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit description' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Description/ }), { target: { value: 'New words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save description' }).getAttribute('data-loading')).toBe('true'),
    );
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows the description as text to those who may not change it', async () => {
    stubRepository([3], { [`GET ${REPO_API}`]: { body: { ...REPOSITORY, description: '' } } });
    renderConsole('/projects/2/repositories/team%2Fapi');

    expect(await screen.findByText('No description.')).toBeTruthy();
    await screen.findByRole('button', { name: 'Pull commands for sha256:aaaaaaaaaaaa' });
    expect(screen.queryByRole('button', { name: 'Edit description' })).toBeNull();
  });

  it('says how to push when the repository is empty', async () => {
    stubRepository([1], { [`GET ${REPO_API}/artifacts`]: { body: [], headers: { 'X-Total-Count': '0' } } });
    renderConsole('/projects/2/repositories/team%2Fapi');

    expect(await screen.findByText('No artifacts')).toBeTruthy();
    await waitFor(() =>
      expect(Array.from(document.querySelectorAll('pre'), (pre) => pre.textContent)).toEqual([
        'docker push registry.example.test/team-a/team/api:<tag>',
      ]),
    );
  });
});
