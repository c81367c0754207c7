import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentUrl, renderConsole, testUser } from '../../../shared/test/render';
import { harborError, type StubRoute, stubApi } from '../../../shared/test/stub-api';

const SYSTEM_INFO = {
  berth_version: '1.4.2',
  storage_backend: 'filesystem',
  auth_mode: 'db_auth',
  registry_url: 'localhost:5000',
  external_url: 'http://localhost:8080',
  with_console: true,
  current_time: '2025-11-25T12:00:00.000Z',
};

const SIGNED_OUT = { status: 401, body: harborError('UNAUTHORIZED', 'authentication required') };

afterEach(() => vi.unstubAllGlobals());

function stubSignedOut(extra: Record<string, StubRoute> = {}, authMode = 'db_auth') {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { ...SYSTEM_INFO, auth_mode: authMode } },
    'GET /api/v2.0/users/current': SIGNED_OUT,
    ...extra,
  });
}

function form() {
  return screen.getByRole('form', { name: 'Sign in' });
}

describe('Sign-in', () => {
  it('sends visitors without a session to sign-in, remembering where they were going', async () => {
    stubSignedOut();
    const { router } = renderConsole('/projects?q=team');

    await screen.findByRole('heading', { name: 'Sign in to Berth' });
    expect(currentUrl(router)).toBe(`/sign-in?next=${encodeURIComponent('/projects?q=team')}`);
    expect(screen.queryByText(/session expired/i)).toBeNull();
    expect(await within(form()).findByText('Use your Berth username and password.')).toBeTruthy();
  });

  it('asks for both fields before calling the API', async () => {
    const { calls } = stubSignedOut();
    renderConsole('/sign-in');

    fireEvent.click(
      await within(await screen.findByRole('form', { name: 'Sign in' })).findByRole('button', { name: 'Sign in' }),
    );

    expect(await screen.findByText('Enter your username.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(calls.some((call) => call.path === '/c/login')).toBe(false);
  });

  it('words the form for LDAP accounts when the API authenticates against LDAP', async () => {
    stubSignedOut({}, 'ldap_auth');
    renderConsole('/sign-in');

    expect(await screen.findByLabelText(/LDAP username/)).toBeTruthy();
    expect(screen.getByText(/directory \(LDAP\) username/)).toBeTruthy();
  });

  it('shows the refusal of wrong credentials and stays on the page', async () => {
    stubSignedOut({ 'POST /c/login': { status: 401 } });
    const { router } = renderConsole('/sign-in');

    fireEvent.change(await screen.findByLabelText(/Username/), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'wrong' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Sign in' }));

    expect((await within(form()).findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect(currentUrl(router)).toBe('/sign-in');
  });

  it('signs in with the form body core-api expects and returns to the page asked for', async () => {
    let signedIn = false;
    const { calls } = stubApi({
      'GET /api/v2.0/systeminfo': { body: SYSTEM_INFO },
      'GET /api/v2.0/users/current': () => (signedIn ? { body: testUser() } : SIGNED_OUT),
      'POST /c/login': () => {
        signedIn = true;
        return { status: 200 };
      },
      'GET /api/v2.0/projects': { body: [], headers: { 'X-Total-Count': '0' } },
    });
    const { router } = renderConsole('/sign-in?next=%2Fprojects%3Fpage%3D2');

    fireEvent.change(await screen.findByLabelText(/Username/), { target: { value: ' alice ' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 's3cret&=' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/projects?page=2'));
    const login = calls.find((call) => call.path === '/c/login');
    expect(login?.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(login?.body))).toEqual({ principal: 'alice', password: 's3cret&=' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Projects' })).toBeTruthy();
  });

  it('never returns to another site after sign-in', async () => {
    let signedIn = false;
    stubApi({
      'GET /api/v2.0/systeminfo': { body: SYSTEM_INFO },
      'GET /api/v2.0/users/current': () => (signedIn ? { body: testUser() } : SIGNED_OUT),
      'POST /c/login': () => {
        signedIn = true;
        return { status: 200 };
      },
      'GET /api/v2.0/projects': { body: [], headers: { 'X-Total-Count': '0' } },
    });
    const { router } = renderConsole('/sign-in?next=%2F%2Fevil.example');

    fireEvent.change(await screen.findByLabelText(/Username/), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'pw' } });
    fireEvent.click(within(form()).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/projects'));
  });

  it('returns to sign-in with a notice and the way back when the session expires mid-use', async () => {
    stubApi({
      'GET /api/v2.0/systeminfo': { body: SYSTEM_INFO },
      'GET /api/v2.0/users/current': { body: testUser() },
      'GET /api/v2.0/projects': { status: 401, body: harborError('UNAUTHORIZED', 'session expired') },
    });
    const { router } = renderConsole('/projects?page=2');

    expect(await screen.findByText('Your session expired. Sign in again to continue where you left off.')).toBeTruthy();
    expect(currentUrl(router)).toBe(`/sign-in?next=${encodeURIComponent('/projects?page=2')}&reason=expired`);
  });

  it('signs out from the user menu', async () => {
    let signedIn = true;
    const { calls } = stubApi({
      'GET /api/v2.0/systeminfo': { body: SYSTEM_INFO },
      'GET /api/v2.0/users/current': () => (signedIn ? { body: testUser() } : SIGNED_OUT),
      'GET /c/log_out': () => {
        signedIn = false;
        return { status: 200 };
      },
      'GET /api/v2.0/projects': { body: [], headers: { 'X-Total-Count': '0' } },
    });
    const { router } = renderConsole('/projects');

    fireEvent.click(await screen.findByRole('button', { name: 'alice, account menu' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await waitFor(() => expect(currentUrl(router)).toBe('/sign-in?reason=signed-out'));
    expect(calls.some((call) => call.path === '/c/log_out')).toBe(true);
    expect(await screen.findByRole('heading', { name: 'Sign in to Berth' })).toBeTruthy();
  });
});
