import { ProjectRole } from '@berth/rbac';
import { Alert, Button, Group, Modal, NativeSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error';
import { ROLE_OPTIONS } from '../../../shared/access/roles';
import { notifySuccess } from '../../../shared/ui/notify';
import { useAddMember } from '../api/mutations';
import { ldapGroupSearchQuery, userSearchQuery } from '../api/queries';
import type { CreateMemberRequest, LdapGroupSearchResult } from '../api/types';

/** Waits for a pause in typing before asking the API (and LDAP behind it). */
const SEARCH_DEBOUNCE_MS = 300;

type Kind = 'user' | 'group';

/** Props of AddMemberModal. */
export interface AddMemberModalProps {
  projectId: number;
  opened: boolean;
  /** LDAP groups can be added only when the console signs in against LDAP. */
  ldapGroups: boolean;
  onClose(): void;
}

/** The Add member dialog: find a user or an LDAP group by name, pick a role, add. */
export function AddMemberModal({ projectId, opened, ldapGroups, onClose }: AddMemberModalProps) {
  const [kind, setKind] = useState<Kind>('user');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [selected, setSelected] = useState<string | null>(null);
  const [role, setRole] = useState(String(ProjectRole.Developer));
  const add = useAddMember(projectId);

  const users = useQuery({ ...userSearchQuery(debounced), enabled: opened && kind === 'user' && debounced !== '' });
  const groups = useQuery({
    ...ldapGroupSearchQuery(debounced),
    enabled: opened && kind === 'group' && debounced !== '',
  });
  const active = kind === 'user' ? users : groups;
  const options =
    kind === 'user'
      ? (users.data ?? []).map((user) => ({ value: user.username, label: user.username }))
      : (groups.data ?? []).map((group) => ({
          value: group.ldap_group_dn,
          label: `${group.group_name} (${group.ldap_group_dn})`,
        }));

  const close = () => {
    setSearch('');
    setSelected(null);
    add.reset();
    onClose();
  };

  const submit = () => {
    if (!selected) return;
    let request: CreateMemberRequest;
    let name: string;
    if (kind === 'user') {
      request = { role_id: Number(role), member_user: { username: selected } };
      name = selected;
    } else {
      const group = (groups.data ?? []).find((g: LdapGroupSearchResult) => g.ldap_group_dn === selected);
      name = group?.group_name ?? selected;
      request = { role_id: Number(role), member_group: { ldap_group_dn: selected, group_name: name, group_type: 1 } };
    }
    add.mutate(request, {
      onSuccess: () => {
        notifySuccess(`${name} added to the project`);
        close();
      },
    });
  };

  const nothingFound = debounced === '' ? 'Type to search' : active.isFetching ? 'Searching…' : 'Nobody found';
  return (
    <Modal opened={opened} onClose={close} title="Add member">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {ldapGroups ? (
            <SegmentedControl
              aria-label="Member type"
              data={[
                { value: 'user', label: 'User' },
                { value: 'group', label: 'LDAP group' },
              ]}
              value={kind}
              onChange={(value) => {
                setKind(value as Kind);
                setSelected(null);
                setSearch('');
              }}
            />
          ) : null}
          {add.isError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
              {errorMessage(add.error)}
            </Alert>
          ) : null}
          <Select
            label={kind === 'user' ? 'User' : 'LDAP group'}
            placeholder={kind === 'user' ? 'Search by username' : 'Search by group name'}
            searchable
            required
            data-autofocus
            data={options}
            value={selected}
            onChange={setSelected}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={nothingFound}
            error={active.isError ? errorMessage(active.error) : undefined}
          />
          <NativeSelect
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          {kind === 'group' ? (
            <Text size="xs" c="dimmed">
              Everyone in the LDAP group gets the role when they sign in.
            </Text>
          ) : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!selected}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
