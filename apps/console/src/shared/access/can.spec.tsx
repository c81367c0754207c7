import { Action, ProjectResource, ProjectRole } from '@berth/rbac';
import { Button } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithSession, testUser } from '../test/render';
import { stubApi } from '../test/stub-api';
import { Can } from './can';

afterEach(() => vi.unstubAllGlobals());

const SCOPE = { projectId: 12 };

function Actions({ roles }: { roles?: ProjectRole[] }) {
  return (
    <>
      <Can scope={SCOPE} resource={ProjectResource.Member} action={Action.Create} roles={roles}>
        <Button>Add member</Button>
      </Can>
      <Can
        scope={SCOPE}
        resource={ProjectResource.Project}
        action={Action.Delete}
        roles={roles}
        fallback={<span>Only project admins can delete the project</span>}
      >
        <Button>Delete project</Button>
      </Can>
      <Can scope={SCOPE} resource={ProjectResource.Repository} action={Action.Push} roles={roles}>
        {(allowed) => <Button disabled={!allowed}>Push</Button>}
      </Can>
    </>
  );
}

describe('<Can>', () => {
  it('shows what the permissions endpoint grants in the project, and hides or disables the rest', async () => {
    const { calls } = stubApi({
      'GET /api/v2.0/users/current/permissions': {
        body: [
          { resource: 'member', action: 'create' },
          { resource: 'repository', action: 'pull' },
        ],
      },
    });
    renderWithSession(<Actions />);

    expect(await screen.findByRole('button', { name: 'Add member' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete project' })).toBeNull();
    expect(screen.getByText('Only project admins can delete the project')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Push' }).hasAttribute('disabled')).toBe(true);
    expect(calls.map((call) => call.url.search)).toEqual(['?scope=%2Fproject%2F12&relative=true']);
  });

  it('shows nothing while permissions load', () => {
    stubApi({ 'GET /api/v2.0/users/current/permissions': 'pending' });
    renderWithSession(<Actions />);

    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Push' }).hasAttribute('disabled')).toBe(true);
  });

  it('lets system administrators do everything without asking', () => {
    const { calls } = stubApi({});
    renderWithSession(<Actions />, testUser({ sysadmin_flag: true }));

    expect(screen.getByRole('button', { name: 'Add member' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete project' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Push' }).hasAttribute('disabled')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('falls back to the role matrix of @berth/rbac when the endpoint cannot answer', async () => {
    stubApi({ 'GET /api/v2.0/users/current/permissions': { status: 503 } });
    renderWithSession(<Actions roles={[ProjectRole.Developer]} />);

    await waitFor(() => expect(screen.getByRole('button', { name: 'Push' }).hasAttribute('disabled')).toBe(false));
    expect(screen.queryByRole('button', { name: 'Add member' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete project' })).toBeNull();
  });
});
