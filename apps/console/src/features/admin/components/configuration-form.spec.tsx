import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { harborError, stubApi, type StubAnswer, type StubRoute } from '../../../shared/test/stub-api';
import { configurationsFixture } from '../test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const STORED_LDAP = {
  ldap_url: 'ldap://ldap.example.test',
  ldap_base_dn: 'dc=example,dc=test',
  ldap_search_dn: 'cn=berth,dc=example,dc=test',
  ldap_search_password_set: true,
};

function stubConfiguration(routes: Record<string, StubRoute> = {}, overrides = {}) {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'localhost:5000' } },
    'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
    'GET /api/v2.0/configurations': { body: configurationsFixture({ ...STORED_LDAP, ...overrides }) },
    ...routes,
  });
}

function change(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function openPage() {
  renderConsole('/admin/configuration');
  await screen.findByRole('form', { name: 'Configuration' });
}

describe('Configuration', () => {
  it('tests LDAP with the values as typed, before saving, and shows what LDAP answered', async () => {
    const { calls } = stubConfiguration({
      'POST /api/v2.0/ldap/ping': {
        body: { success: true, message: 'connected to ldap2.example.test:636 as cn=berth,dc=example,dc=test' },
      },
    });
    await openPage();
    expect(screen.getByText('A password is stored; leave empty to keep it.')).toBeTruthy();

    change('LDAP URL', 'ldaps://ldap2.example.test:636');
    change('Search password', 'S3cret!');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connection succeeded')).toBeTruthy();
    expect(
      screen.getByText('LDAP answered: connected to ldap2.example.test:636 as cn=berth,dc=example,dc=test'),
    ).toBeTruthy();
    const ping = calls.find((call) => call.path === '/api/v2.0/ldap/ping');
    expect(JSON.parse(ping?.body ?? '{}')).toEqual({
      ldap_url: 'ldaps://ldap2.example.test:636',
      ldap_search_dn: 'cn=berth,dc=example,dc=test',
      ldap_search_password: 'S3cret!',
      ldap_base_dn: 'dc=example,dc=test',
      ldap_filter: '',
      ldap_uid: 'uid',
      ldap_scope: 2,
      ldap_connection_timeout: 5,
      ldap_verify_cert: true,
    });
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('shows a refusal by LDAP as a failed connection, and a refused request as such', async () => {
    let answer: StubAnswer = {
      body: { success: false, message: 'invalid credentials for cn=berth,dc=example,dc=test' },
    };
    stubConfiguration({ 'POST /api/v2.0/ldap/ping': () => answer });
    await openPage();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connection failed')).toBeTruthy();
    expect(screen.getByText('LDAP answered: invalid credentials for cn=berth,dc=example,dc=test')).toBeTruthy();

    answer = { status: 400, body: harborError('BAD_REQUEST', 'ldap_connection_timeout must not be greater than 60') };
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Could not test')).toBeTruthy();
    expect(screen.getByText('ldap_connection_timeout must not be greater than 60')).toBeTruthy();
    expect(screen.queryByText('Connection failed')).toBeNull();
  });

  it('asks for an LDAP URL before testing', async () => {
    const { calls } = stubConfiguration({}, { ldap_url: '' });
    await openPage();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Enter an ldap:// or ldaps:// URL to test.')).toBeTruthy();
    expect(calls.some((call) => call.path === '/api/v2.0/ldap/ping')).toBe(false);
  });

  it('saves only the settings that changed, after checking them', async () => {
    const { calls } = stubConfiguration({ 'PUT /api/v2.0/configurations': { status: 200 } }, { ldap_base_dn: '' });
    await openPage();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('radio', { name: /LDAP/ }));
    change('Failed sign-ins before locking', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('LDAP authentication needs the base DN.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    change(/^Base DN/, 'dc=example,dc=test');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Configuration saved')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({
      auth_mode: 'ldap_auth',
      ldap_base_dn: 'dc=example,dc=test',
      login_lockout_threshold: 5,
    });
  });

  it('locks the settings the environment sets', async () => {
    const config = configurationsFixture(STORED_LDAP);
    config.ldap_url.editable = false;
    stubConfiguration({ 'GET /api/v2.0/configurations': { body: config } });
    await openPage();

    await waitFor(() => expect((screen.getByLabelText('LDAP URL') as HTMLInputElement).disabled).toBe(true));
    expect((screen.getByLabelText(/^Base DN/) as HTMLInputElement).disabled).toBe(false);
  });
});
