import { ProjectRole } from '@berth/rbac';
import { Button, Group, Modal, NativeSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api/api-error';
import { parseRole, ROLE_OPTIONS } from '../../../shared/access/roles';
import { LDAP_SEARCH_DEBOUNCE_MS, type LdapGroupChoice, LdapGroupPicker } from '../../../shared/ldap/ldap-group-picker';
import { notifySuccess } from '../../../shared/ui/notify';
import { useAddMember } from '../api/mutations';
import { userSearchQuery } from '../api/queries';
import type { CreateMemberRequest } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

type Kind = 'user' | 'group';

/** Props of AddMemberModal. */
export interface AddMemberModalProps {
  projectId: number;
  opened: boolean;
  /** LDAP groups can be added only when the console signs in against LDAP. */
  ldapGroups: boolean;
  onClose(): void;
}

/** The Add member dialog: find a user, or find an LDAP group (or enter its DN), pick a role, add. */
export function AddMemberModal({ projectId, opened, ldapGroups, onClose }: AddMemberModalProps) {
  const [kind, setKind] = useState<Kind>('user');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), LDAP_SEARCH_DEBOUNCE_MS);
  const [username, setUsername] = useState<string | null>(null);
  const [group, setGroup] = useState<LdapGroupChoice | null>(null);
  const [role, setRole] = useState(String(ProjectRole.Developer));
  const add = useAddMember(projectId);

  const users = useQuery({ ...userSearchQuery(debounced), enabled: opened && kind === 'user' && debounced !== '' });
  const options = (users.data ?? []).map((user) => ({ value: user.username, label: user.username }));

  const close = () => {
    setSearch('');
    setUsername(null);
    setGroup(null);
    add.reset();
    onClose();
  };

  const submit = () => {
    let request: CreateMemberRequest;
    let name: string;
    if (kind === 'user') {
      if (!username) return;
      request = { role_id: parseRole(role), member_user: { username } };
      name = username;
    } else {
      if (!group) return;
      name = group.group_name;
      request = { role_id: parseRole(role), member_group: { ...group, group_type: 1 } };
    }
    add.mutate(request, {
      onSuccess: () => {
        notifySuccess(`${name} added to the project`);
        close();
      },
    });
  };

  const nothingFound = debounced === '' ? 'Type to search' : users.isFetching ? 'Searching…' : 'Nobody found';
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
                setUsername(null);
                setGroup(null);
                setSearch('');
              }}
            />
          ) : null}
          <FailureAlert error={add.error} />
          {kind === 'user' ? (
            <Select
              label="User"
              placeholder="Search by username"
              searchable
              required
              data-autofocus
              data={options}
              value={username}
              onChange={setUsername}
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options: all }) => all}
              nothingFoundMessage={nothingFound}
              error={users.isError ? errorMessage(users.error) : undefined}
            />
          ) : (
            <LdapGroupPicker value={group} onChange={setGroup} enabled={opened} />
          )}
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
            <Button type="submit" loading={add.isPending} disabled={kind === 'user' ? !username : !group}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
