import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import { errorMessage, HttpStatus, isApiError } from '../../../shared/api/api-error';
import { notifySuccess } from '../../../shared/ui/notify';
import { useChangeOwnPassword } from '../api/mutations';
import { confirmMatches, newPasswordShape } from './password-policy';
import { PasswordRules } from './password-rules';
import { FailureAlert } from '../../../shared/ui/failure-alert';

const changePasswordSchema = z
  .object({ current: z.string().min(1, 'Enter your current password.'), ...newPasswordShape })
  .superRefine((values, ctx) => {
    confirmMatches(values, ctx);
    if (values.password !== '' && values.password === values.current) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Choose a password other than the current one.' });
    }
  });

const INITIAL_VALUES = { current: '', password: '', confirm: '' };

/** The signed-in user's change-password form: the current password, and a new one that meets the policy. */
export function ChangePasswordForm({ userId }: { userId: number }) {
  const change = useChangeOwnPassword(userId);
  const form = useForm({
    initialValues: INITIAL_VALUES,
    validate: schemaResolver(changePasswordSchema, { sync: true }),
    validateInputOnBlur: ['confirm'],
  });
  // core-api answers 403 for a wrong current password: say so beside that field.
  const wrongCurrent = isApiError(change.error, HttpStatus.Forbidden);
  return (
    <form
      noValidate
      aria-label="Change password"
      onSubmit={form.onSubmit((values) =>
        change.mutate(
          { oldPassword: values.current, newPassword: values.password },
          {
            onSuccess: () => {
              notifySuccess('Password changed. Your other console sessions have been signed out.');
              form.reset();
            },
          },
        ),
      )}
    >
      <Stack gap="sm" maw={420}>
        {change.error && !wrongCurrent ? <FailureAlert error={change.error} /> : null}
        <PasswordInput
          label="Current password"
          required
          autoComplete="current-password"
          {...form.getInputProps('current')}
          error={form.errors['current'] ?? (wrongCurrent ? errorMessage(change.error) : undefined)}
        />
        <PasswordInput label="New password" required autoComplete="new-password" {...form.getInputProps('password')} />
        <PasswordRules password={form.values.password} />
        <PasswordInput
          label="Confirm new password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
