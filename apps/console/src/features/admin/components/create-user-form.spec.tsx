import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, renderWithSession, testUser } from '../../../shared/test/render';
import { harborError, stubApi } from '../../../shared/test/stub-api';
import { configurationsFixture } from '../test-fixtures';
import { CreateUserForm } from './create-user-form';

afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const onSubmit = vi.fn();
  renderWithSession(
    <CreateUserForm submitting={false} robotPrefix="robot$" onSubmit={onSubmit} onCancel={() => undefined} />,
  );
  return onSubmit;
}

function type(label: RegExp, value: string, root: HTMLElement = document.body) {
  fireEvent.change(within(root).getByLabelText(label), { target: { value } });
}

function submit(root: HTMLElement = document.body) {
  fireEvent.click(within(root).getByRole('button', { name: 'Create user' }));
}

const POLICY = 'Use 8 to 128 characters with an upper-case letter, a lower-case letter and a digit.';

describe('Create user form', () => {
  it.each(['short1A', 'alllowercase1', 'ALLUPPERCASE1', 'NoDigitsHere', 'A1' + 'a'.repeat(127)])(
    'refuses the password %j with the policy beside the field',
    async (password) => {
      const onSubmit = renderForm();
      type(/^Username/, 'carol');
      type(/^Password/, password);
      type(/^Confirm password/, password);
      submit();

      expect(await screen.findByText(POLICY)).toBeTruthy();
      expect(onSubmit).not.toHaveBeenCalled();
    },
  );

  it('marks each rule of the policy as the password meets it', () => {
    renderForm();
    const rules = screen.getByRole('list', { name: 'Requirements for the new password' });
    expect(within(rules).getAllByText(/not met yet/)).toHaveLength(4);

    type(/^Password/, 'abcdefgh');
    expect(within(rules).getByText('8 to 128 characters').textContent).toContain('(met)');
    expect(within(rules).getByText('A lower-case letter').textContent).toContain('(met)');
    expect(within(rules).getByText('An upper-case letter').textContent).toContain('not met yet');
    expect(within(rules).getByText('A digit').textContent).toContain('not met yet');
  });

  it('asks for the same password twice, a username without spaces, and keeps robot names for robots', async () => {
    const onSubmit = renderForm();
    type(/^Username/, 'robot$ci');
    type(/^Password/, 'Secret123');
    type(/^Confirm password/, 'Secret124');
    submit();
    expect(await screen.findByText('Usernames starting with robot$ are kept for robot accounts.')).toBeTruthy();
    expect(screen.getByText('The passwords do not match.')).toBeTruthy();

    type(/^Username/, 'carol smith');
    submit();
    expect(await screen.findByText('Do not use spaces or any of , " ~ # $ % : in a username.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the account with the optional fields it was given', () => {
    const onSubmit = renderForm();
    type(/^Username/, ' carol ');
    type(/^Email/, 'carol@example.test');
    type(/^Password/, 'Secret123');
    type(/^Confirm password/, 'Secret123');
    submit();

    expect(onSubmit).toHaveBeenCalledWith({
      username: 'carol',
      password: 'Secret123',
      email: 'carol@example.test',
      realname: undefined,
      comment: undefined,
    });
  });

  it('creates the user from the Users page and shows a taken username beside the field', async () => {
    let created = false;
    const { calls } = stubApi({
      'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'localhost:5000' } },
      'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
      'GET /api/v2.0/configurations': { body: configurationsFixture() },
      'GET /api/v2.0/users': () => ({ body: [], headers: { 'X-Total-Count': created ? '1' : '0' } }),
      'POST /api/v2.0/users': (call) => {
        if (JSON.parse(call.body).username === 'alice') {
          return { status: 409, body: harborError('CONFLICT', 'username alice is taken') };
        }
        created = true;
        return { status: 201, body: {} };
      },
    });
    renderConsole('/admin/users');

    expect(await screen.findByText('No users yet')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'New user' })[0]);
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    type(/^Username/, 'alice', dialog);
    type(/^Password/, 'Secret123', dialog);
    type(/^Confirm password/, 'Secret123', dialog);
    submit(dialog);
    expect(await within(dialog).findByText('username alice is taken')).toBeTruthy();

    type(/^Username/, 'carol', dialog);
    submit(dialog);
    expect(await screen.findByText('User carol created')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New user' })).toBeNull());
    const post = calls.filter((call) => call.method === 'POST').at(-1);
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ username: 'carol', password: 'Secret123' });
  });
});
