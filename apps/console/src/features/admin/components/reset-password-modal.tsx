import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import { notifySuccess } from '../../../shared/ui/notify';
import { confirmMatches, newPasswordShape } from '../../account/components/password-policy';
import { PasswordRules } from '../../account/components/password-rules';
import { useResetPassword } from '../api/mutations';
import type { User } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

const resetSchema = z.object(newPasswordShape).superRefine(confirmMatches);

/** Props of ResetPasswordModal. */
export interface ResetPasswordModalProps {
  /** The account whose password is set; null closes the dialog. */
  user: User | null;
  onClose(): void;
}

function ResetPasswordForm({ user, onClose }: { user: User; onClose(): void }) {
  const reset = useResetPassword();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: schemaResolver(resetSchema, { sync: true }),
    validateInputOnBlur: ['confirm'],
  });
  return (
    <form
      noValidate
      aria-label={`Reset the password of ${user.username}`}
      onSubmit={form.onSubmit((values) =>
        reset.mutate(
          { userId: user.user_id, password: values.password },
          {
            onSuccess: () => {
              notifySuccess(`Password of ${user.username} changed`);
              onClose();
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">
          Sets a new password for {user.username}; their console sessions end. Tell them the new password through a safe
          channel.
        </Text>
        <FailureAlert error={reset.error} />
        <PasswordInput
          label="New password"
          required
          data-autofocus
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordRules password={form.values.password} />
        <PasswordInput
          label="Confirm password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={reset.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={reset.isPending}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The Reset password dialog of a local account, for administrators. */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Reset password of ${user.username}` : ''}>
      {user ? <ResetPasswordForm key={user.user_id} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}
