import { Alert, Button, Checkbox, Group, List, Loader, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LDAP_SEARCH_DEBOUNCE_MS } from '../../../shared/ldap/ldap-group-picker';
import type { LdapImportFailure, LdapUser } from '../../../shared/api/types';
import { ldapUserSearchQuery } from '../../../shared/ldap/ldap-queries';
import { notifySuccess } from '../../../shared/ui/notify';
import { useImportLdapUsers } from '../api/mutations';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** Height of the search results before they scroll: about eight users. */
const RESULTS_MAX_HEIGHT = 320;

/** Says how many users, in words. */
function users(count: number): string {
  return count === 1 ? '1 user' : `${count} users`;
}

function userDetails(user: LdapUser): string | undefined {
  return [user.realname, user.email].filter((part) => part !== '').join(' · ') || undefined;
}

/** What the last import did: how many users it created, and which it did not and why. */
interface ImportOutcome {
  imported: number;
  failures: LdapImportFailure[];
}

function ImportOutcomeAlert({ outcome }: { outcome: ImportOutcome }) {
  const attempted = outcome.imported + outcome.failures.length;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden />}
      role="alert"
      title={`${outcome.failures.length} of ${users(attempted)} not imported`}
    >
      <List size="sm" spacing={2}>
        {outcome.failures.map((failure) => (
          <List.Item key={failure.uid}>
            <strong>{failure.uid}</strong>: {failure.error}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ImportLdapUsersForm({ onClose }: { onClose(): void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), LDAP_SEARCH_DEBOUNCE_MS);
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  // The previous results stay while the next search runs, so ticking is not interrupted by every keystroke.
  const found = useQuery({ ...ldapUserSearchQuery(debounced), placeholderData: keepPreviousData });
  const importUsers = useImportLdapUsers();

  const submit = () =>
    importUsers.mutate(selected, {
      onSuccess: (failures) => {
        const imported = selected.length - failures.length;
        if (imported > 0) notifySuccess(`Imported ${users(imported)} from LDAP`);
        if (failures.length === 0) return onClose();
        setOutcome({ imported, failures });
        setSelected([]);
      },
    });

  let results;
  if (found.isPending) {
    results = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Searching LDAP…</Text>
      </Group>
    );
  } else if (found.isError) {
    results = <FailureAlert error={found.error} />;
  } else if (found.data.length === 0) {
    results = (
      <Text size="sm" c="dimmed">
        {debounced ? `No LDAP user’s login name contains “${debounced}”.` : 'LDAP holds no users under the base DN.'}
      </Text>
    );
  } else {
    results = (
      <ScrollArea.Autosize mah={RESULTS_MAX_HEIGHT} type="auto">
        <Checkbox.Group label="LDAP users" value={selected} onChange={setSelected}>
          <Stack gap="xs" mt="xs">
            {found.data.map((user) => (
              <Checkbox
                key={user.username}
                value={user.username}
                label={user.username}
                description={userDetails(user)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </ScrollArea.Autosize>
    );
  }

  return (
    <form
      noValidate
      aria-label="Import users from LDAP"
      onSubmit={(event) => {
        event.preventDefault();
        if (selected.length > 0) submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Creates the accounts now, so they can be given project roles before their first sign-in.
        </Text>
        <FailureAlert error={importUsers.error} />
        {outcome ? <ImportOutcomeAlert outcome={outcome} /> : null}
        <TextInput
          label="Search LDAP users"
          placeholder="Part of a login name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-autofocus
          autoComplete="off"
        />
        {results}
        <Text size="sm" aria-live="polite">
          {selected.length > 0 ? `Selected: ${selected.join(', ')}` : 'No user selected'}
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={importUsers.isPending}>
            {outcome ? 'Done' : 'Cancel'}
          </Button>
          <Button type="submit" loading={importUsers.isPending} disabled={selected.length === 0}>
            {selected.length > 0 ? `Import ${users(selected.length)}` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The Import from LDAP dialog: search LDAP users, tick some, create their accounts; says which failed and why. */
export function ImportLdapUsersModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import users from LDAP" size="lg">
      {opened ? <ImportLdapUsersForm onClose={onClose} /> : null}
    </Modal>
  );
}
