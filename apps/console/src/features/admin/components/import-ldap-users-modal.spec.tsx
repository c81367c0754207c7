import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi, type StubRoute } from '../../../shared/test/stub-api';
import { configurationsFixture } from '../test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const LDAP_USERS = [
  { username: 'alice', realname: 'Alice Liddell', email: 'alice@example.test' },
  { username: 'bob', realname: 'Bob Builder', email: '' },
  { username: 'carol', realname: '', email: 'carol@example.test' },
];

function stubUsersPage(authMode: 'ldap_auth' | 'db_auth', routes: Record<string, StubRoute> = {}) {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: authMode, registry_url: 'registry.example.test' } },
    'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
    'GET /api/v2.0/configurations': { body: configurationsFixture({ auth_mode: authMode }) },
    'GET /api/v2.0/users': { body: [], headers: { 'X-Total-Count': '0' } },
    'GET /api/v2.0/ldap/users/search': (call) => {
      const text = call.url.searchParams.get('username') ?? '';
      return { body: LDAP_USERS.filter((user) => user.username.includes(text)) };
    },
    ...routes,
  });
}

async function openImportDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Import from LDAP' }));
  return screen.findByRole('dialog', { name: 'Import users from LDAP' });
}

describe('Import users from LDAP', () => {
  it('is offered only when Berth signs in against LDAP', async () => {
    stubUsersPage('db_auth');
    renderConsole('/admin/users');
    await screen.findByRole('button', { name: 'New user' });
    await screen.findByText('Local accounts, and who is a system administrator.');
    expect(screen.queryByRole('button', { name: 'Import from LDAP' })).toBeNull();
  });

  it('opens with the search focused and closes with Escape', async () => {
    stubUsersPage('ldap_auth');
    renderConsole('/admin/users');
    const dialog = await openImportDialog();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: 'Search LDAP users' })),
    );
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import users from LDAP' })).toBeNull());
  });

  it('searches LDAP, keeps the users ticked across searches, imports them and closes', async () => {
    const { calls } = stubUsersPage('ldap_auth', { 'POST /api/v2.0/ldap/users/import': { status: 200 } });
    renderConsole('/admin/users');
    const dialog = await openImportDialog();

    // With no text, the first users of the directory are listed.
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /alice/ }));
    expect(within(dialog).getByText('Alice Liddell · alice@example.test')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search LDAP users' }), { target: { value: 'car' } });
    await waitFor(() => expect(within(dialog).queryByRole('checkbox', { name: /alice/ })).toBeNull());
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /carol/ }));
    expect(within(dialog).getByText('Selected: alice, carol')).toBeTruthy();
    expect(calls.at(-1)?.url.searchParams.get('username')).toBe('car');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 2 users' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Import users from LDAP' })).toBeNull());
    expect(await screen.findByText('Imported 2 users from LDAP')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({ ldap_uid_list: ['alice', 'carol'] });
  });

  it('stays open and says which users were not imported, and why', async () => {
    stubUsersPage('ldap_auth', {
      'POST /api/v2.0/ldap/users/import': {
        status: 404,
        body: [{ uid: 'bob', error: 'a user with this name already exists' }],
      },
    });
    renderConsole('/admin/users');
    const dialog = await openImportDialog();
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /alice/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /bob/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 2 users' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('1 of 2 users not imported');
    expect(alert.textContent).toContain('bob: a user with this name already exists');
    expect(await screen.findByText('Imported 1 user from LDAP')).toBeTruthy();
    expect(within(dialog).getByText('No user selected')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('shows a refusal of the whole import, and a failed search', async () => {
    stubUsersPage('ldap_auth', {
      'POST /api/v2.0/ldap/users/import': { status: 400, body: harborError('BAD_REQUEST', 'LDAP is not configured') },
    });
    renderConsole('/admin/users');
    const dialog = await openImportDialog();
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /alice/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 1 user' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('LDAP is not configured');

    stubUsersPage('ldap_auth', {
      'GET /api/v2.0/ldap/users/search': { status: 503, body: harborError('UNAVAILABLE', 'cannot reach LDAP') },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Search LDAP users' }), { target: { value: 'x' } });
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByRole('alert')
          .map((alert) => alert.textContent),
      ).toContain('cannot reach LDAP'),
    );
  });
});
