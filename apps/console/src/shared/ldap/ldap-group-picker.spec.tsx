import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configurationsFixture } from '../../features/admin/test-fixtures';
import { AddMemberModal } from '../../features/projects/components/add-member-modal';
import { renderConsole, renderWithSession, testUser } from '../test/render';
import { harborError, stubApi } from '../test/stub-api';

afterEach(() => vi.unstubAllGlobals());

const DEVELOPERS = {
  group_name: 'developers',
  ldap_group_dn: 'cn=developers,ou=groups,dc=example,dc=com',
  group_type: 1,
};
const DEVOPS = { group_name: 'devops', ldap_group_dn: 'cn=devops,ou=groups,dc=example,dc=com', group_type: 1 };

function stubGroupsPage() {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: 'ldap_auth', registry_url: 'registry.example.test' } },
    'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
    'GET /api/v2.0/configurations': { body: configurationsFixture({ auth_mode: 'ldap_auth' }) },
    'GET /api/v2.0/usergroups': { body: [], headers: { 'X-Total-Count': '0' } },
    'GET /api/v2.0/ldap/groups/search': (call) => {
      const dn = call.url.searchParams.get('groupdn');
      if (dn) return { body: [DEVELOPERS, DEVOPS].filter((group) => group.ldap_group_dn === dn) };
      const name = call.url.searchParams.get('groupname') ?? '';
      return { body: [DEVELOPERS, DEVOPS].filter((group) => group.group_name.includes(name)) };
    },
    'POST /api/v2.0/usergroups': { status: 201, body: { id: 4, group_name: 'developers', group_type: 1 } },
  });
}

async function openAddGroupDialog() {
  fireEvent.click((await screen.findAllByRole('button', { name: 'Add LDAP group' }))[0]);
  return screen.findByRole('dialog', { name: 'Add LDAP group' });
}

function typeInPicker(container: HTMLElement, text: string) {
  const input = within(container).getByRole('combobox', { name: 'LDAP group' });
  // Mantine takes a change of an unfocused input for autofill, as a browser would have focused it on the click.
  input.focus();
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: text } });
}

describe('LDAP group picker', () => {
  it('finds groups by part of the name and adds the one picked (admin Groups page)', async () => {
    const { calls } = stubGroupsPage();
    renderConsole('/admin/groups');
    const dialog = await openAddGroupDialog();

    typeInPicker(dialog, 'dev');
    fireEvent.click(await screen.findByRole('option', { name: `developers (${DEVELOPERS.ldap_group_dn})` }));
    expect(screen.getByRole('option', { name: `devops (${DEVOPS.ldap_group_dn})`, hidden: true })).toBeTruthy();
    expect(calls.find((call) => call.path.endsWith('/ldap/groups/search'))?.url.searchParams.get('groupname')).toBe(
      'dev',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Name' }).getAttribute('placeholder')).toBe('developers');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add group' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({ ldap_group_dn: DEVELOPERS.ldap_group_dn, group_type: 1 });
  });

  it('looks a typed DN up exactly, and asks for a group before adding', async () => {
    const { calls } = stubGroupsPage();
    renderConsole('/admin/groups');
    const dialog = await openAddGroupDialog();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add group' }));
    expect(await within(dialog).findByText('Find the group, or enter its DN.')).toBeTruthy();

    typeInPicker(dialog, DEVOPS.ldap_group_dn);
    fireEvent.click(await screen.findByRole('option', { name: `devops (${DEVOPS.ldap_group_dn})` }));
    const search = calls.find((call) => call.path.endsWith('/ldap/groups/search'));
    expect(search?.url.searchParams.get('groupdn')).toBe(DEVOPS.ldap_group_dn);
    expect(search?.url.searchParams.get('groupname')).toBeNull();
  });

  it('lets a project admin who may not search LDAP add a group by its DN (project members)', async () => {
    const { calls } = stubApi({
      'GET /api/v2.0/ldap/groups/search': { status: 403, body: harborError('FORBIDDEN', 'system administrators only') },
      'POST /api/v2.0/projects/2/members': { status: 201 },
    });
    const onClose = vi.fn();
    renderWithSession(<AddMemberModal projectId={2} opened ldapGroups onClose={onClose} />);
    const dialog = await screen.findByRole('dialog', { name: 'Add member' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'LDAP group' }));

    typeInPicker(dialog, 'cn=ops,ou=groups,dc=example,dc=com');
    expect(
      await within(dialog).findByText('Only administrators can search LDAP: enter the group’s full DN instead.'),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('option', { name: 'Use the DN cn=ops,ou=groups,dc=example,dc=com' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add member' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      role_id: 2,
      member_group: { ldap_group_dn: 'cn=ops,ou=groups,dc=example,dc=com', group_name: 'ops', group_type: 1 },
    });
  });
});
