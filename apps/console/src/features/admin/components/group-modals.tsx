import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { type LdapGroupChoice, LdapGroupPicker } from '../../../shared/ldap/ldap-group-picker';
import { DN_PATTERN } from '../../../shared/ldap/ldap-queries';
import { notifySuccess } from '../../../shared/ui/notify';
import { useCreateGroup, useRenameGroup } from '../api/mutations';
import type { UserGroup } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

const addGroupSchema = z.object({
  dn: z
    .string()
    .trim()
    .min(1, 'Find the group, or enter its DN.')
    .regex(DN_PATTERN, 'Enter a DN such as cn=developers,ou=groups,dc=example,dc=com.'),
  name: z.string().trim(),
});

const renameSchema = z.object({ name: z.string().trim().min(1, 'Enter a name.') });

function AddGroupForm({ onClose }: { onClose(): void }) {
  const create = useCreateGroup();
  const [group, setGroup] = useState<LdapGroupChoice | null>(null);
  const form = useForm({
    initialValues: { dn: '', name: '' },
    validate: schemaResolver(addGroupSchema, { sync: true }),
  });
  return (
    <form
      noValidate
      aria-label="Add LDAP group"
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          {
            ldap_group_dn: values.dn.trim(),
            group_type: 1,
            ...(values.name.trim() ? { group_name: values.name.trim() } : {}),
          },
          {
            onSuccess: (group) => {
              notifySuccess(`Group ${group.group_name} added`);
              onClose();
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <FailureAlert error={create.error} />
        <LdapGroupPicker
          value={group}
          onChange={(choice) => {
            setGroup(choice);
            form.setFieldValue('dn', choice?.ldap_group_dn ?? '');
          }}
          error={form.errors['dn']}
        />
        <TextInput
          label="Name"
          description="Optional: the group’s name in LDAP by default."
          placeholder={group?.group_name}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add group
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The Add LDAP group dialog: registers a group by DN so it can be given project roles. */
export function AddGroupModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add LDAP group">
      {opened ? <AddGroupForm onClose={onClose} /> : null}
    </Modal>
  );
}

function RenameGroupForm({ group, onClose }: { group: UserGroup; onClose(): void }) {
  const rename = useRenameGroup();
  const form = useForm({
    initialValues: { name: group.group_name },
    validate: schemaResolver(renameSchema, { sync: true }),
  });
  return (
    <form
      noValidate
      aria-label={`Rename group ${group.group_name}`}
      onSubmit={form.onSubmit((values) =>
        rename.mutate(
          { groupId: group.id, name: values.name.trim() },
          {
            onSuccess: () => {
              notifySuccess(`Group renamed to ${values.name.trim()}`);
              onClose();
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <FailureAlert error={rename.error} />
        <TextInput label="Name" required data-autofocus autoComplete="off" {...form.getInputProps('name')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={rename.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The Rename group dialog (the DN never changes); null closes it. */
export function RenameGroupModal({ group, onClose }: { group: UserGroup | null; onClose(): void }) {
  return (
    <Modal opened={group !== null} onClose={onClose} title={group ? `Rename group ${group.group_name}` : ''}>
      {group ? <RenameGroupForm key={group.id} group={group} onClose={onClose} /> : null}
    </Modal>
  );
}
