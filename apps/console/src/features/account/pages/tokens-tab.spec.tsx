import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi, type StubRoute } from '../../../shared/test/stub-api';
import type { CreatedToken, PersonalAccessToken } from '../../../shared/api/types';

afterEach(() => vi.unstubAllGlobals());

const SECRET = 'berth_pat_1a2b3c4d5e6f7a8b_Qm9yZSBzZWNyZXQgdGhhbiB0aGlz';

function token(id: number, name: string, overrides: Partial<PersonalAccessToken> = {}): PersonalAccessToken {
  return {
    id,
    name,
    token_prefix: `berth_pat_${id}a2b3c4d5e6f7a8b`,
    scopes: ['repository:pull'],
    expires_at: '2099-01-01T00:00:00Z',
    expired: false,
    revoked_at: null,
    last_used_at: null,
    creation_time: '2025-01-02T03:04:05Z',
    ...overrides,
  };
}

function stubTokens(routes: Record<string, StubRoute> = {}) {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'registry.example.test' } },
    'GET /api/v2.0/users/current': { body: testUser() },
    'GET /api/v2.0/users/current/tokens': { body: [], headers: { 'X-Total-Count': '0' } },
    ...routes,
  });
}

function created(request: { name: string; scopes: string[] }): CreatedToken {
  return { ...token(5, request.name, { scopes: request.scopes }), secret: SECRET };
}

async function openDialog() {
  fireEvent.click((await screen.findAllByRole('button', { name: 'New access token' }))[0]);
  return screen.findByRole('dialog', { name: 'New access token' });
}

describe('Personal access tokens', () => {
  it('creates a pull token for 30 days by default and shows it once with a warning and a copy button', async () => {
    const { calls } = stubTokens({
      'POST /api/v2.0/users/current/tokens': (call) => ({ status: 201, body: created(JSON.parse(call.body)) }),
    });
    renderConsole('/account/tokens');
    expect(await screen.findByText('No access tokens yet')).toBeTruthy();
    const dialog = await openDialog();

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: ' laptop ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));

    const reveal = await screen.findByRole('dialog', { name: 'Access token laptop created' });
    expect(within(reveal).getByRole('alert').textContent).toContain('Copy the token now');
    expect((within(reveal).getByLabelText('Token') as HTMLInputElement).value).toBe(SECRET);
    expect(within(reveal).getByRole('button', { name: 'Copy token' })).toBeTruthy();
    expect(within(reveal).getByText("docker login registry.example.test -u 'alice'")).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      name: 'laptop',
      expires_in_days: 30,
      scopes: ['repository:pull'],
    });

    fireEvent.click(within(reveal).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /created/ })).toBeNull());
  });

  it('checks the name, lifetime and chosen permissions, then sends them', async () => {
    const { calls } = stubTokens({
      'POST /api/v2.0/users/current/tokens': (call) => ({ status: 201, body: created(JSON.parse(call.body)) }),
    });
    renderConsole('/account/tokens');
    const dialog = await openDialog();

    fireEvent.change(within(dialog).getByLabelText('Expires after'), { target: { value: 'custom' } });
    fireEvent.change(within(dialog).getByLabelText('Days'), { target: { value: '4000' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Choose permissions' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText(/Enter a name/)).toBeTruthy();
    expect(within(dialog).getByText('Enter a whole number of days from 1 to 3650.')).toBeTruthy();
    expect(within(dialog).getByText('Choose at least one permission.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'ci' } });
    fireEvent.change(within(dialog).getByLabelText('Days'), { target: { value: '120' } });
    const projects = within(dialog).getByRole('table', { name: 'Permissions in projects' });
    fireEvent.click(within(projects).getByRole('checkbox', { name: 'repository:push' }));
    fireEvent.click(within(projects).getByRole('checkbox', { name: 'repository:pull' }));
    const system = within(dialog).getByRole('table', { name: 'System permissions' });
    fireEvent.click(within(system).getByRole('checkbox', { name: 'audit-log:list' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));

    expect(await screen.findByRole('dialog', { name: 'Access token ci created' })).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      name: 'ci',
      expires_in_days: 120,
      scopes: ['audit-log:list', 'repository:pull', 'repository:push'],
    });
  });

  it('shows a taken name beside the field', async () => {
    stubTokens({
      'POST /api/v2.0/users/current/tokens': {
        status: 409,
        body: harborError('CONFLICT', 'you already have a token named ci'),
      },
    });
    renderConsole('/account/tokens');
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: 'ci' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByText('you already have a token named ci')).toBeTruthy();
  });

  it('lists tokens with their state, and revokes one after confirming', async () => {
    let revoked = false;
    const { calls } = stubTokens({
      'GET /api/v2.0/users/current/tokens': () => ({
        body: [
          token(1, 'laptop', { revoked_at: revoked ? '2025-05-01T00:00:00Z' : null }),
          token(2, 'old', { expired: true }),
          token(3, 'gone', { revoked_at: '2025-01-03T00:00:00Z' }),
        ],
        headers: { 'X-Total-Count': '3' },
      }),
      'DELETE /api/v2.0/users/current/tokens/1': () => {
        revoked = true;
        return { status: 200 };
      },
    });
    renderConsole('/account/tokens?sort=name');

    const table = await screen.findByRole('table', { name: 'Access tokens' });
    await within(table).findByText('laptop');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByText('Active')).toBeTruthy();
    expect(within(rows[2]).getByText('Expired')).toBeTruthy();
    expect(within(rows[3]).getByText('Revoked')).toBeTruthy();
    expect(within(rows[3]).queryByRole('button', { name: 'Revoke token gone' })).toBeNull();
    expect(calls[calls.length - 1].url.searchParams.get('sort')).toBe('name');

    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Revoke token laptop' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke token laptop?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke token' }));
    expect(await screen.findByText('Token laptop revoked')).toBeTruthy();
    await waitFor(() => expect(within(table).getAllByText('Revoked')).toHaveLength(2));
  });
});
