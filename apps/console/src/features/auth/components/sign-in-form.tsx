import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import type { Credentials, SystemInfo } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** What the form checks before asking the API: both fields filled in. */
export const signInSchema = z.object({
  principal: z.string().trim().min(1, 'Enter your username.'),
  password: z.string().min(1, 'Enter your password.'),
});

/** Props of SignInForm. */
export interface SignInFormProps {
  /** Decides the wording: directory (LDAP) accounts or local ones; undefined while system info loads. */
  authMode: SystemInfo['auth_mode'] | undefined;
  submitting: boolean;
  /** Why the last attempt failed. */
  error?: string;
  onSubmit(credentials: Credentials): void;
}

/** The sign-in form: username and password, worded for local or LDAP accounts, with the API's refusal shown. */
export function SignInForm({ authMode, submitting, error, onSubmit }: SignInFormProps) {
  const form = useForm<Credentials>({
    mode: 'uncontrolled',
    initialValues: { principal: '', password: '' },
    validate: schemaResolver(signInSchema, { sync: true }),
  });
  const ldap = authMode === 'ldap_auth';
  return (
    <form
      noValidate
      aria-label="Sign in"
      onSubmit={form.onSubmit((values) => onSubmit({ principal: values.principal.trim(), password: values.password }))}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {ldap
            ? 'Use your directory (LDAP) username and password. The local admin account also works.'
            : 'Use your Berth username and password.'}
        </Text>
        <FailureAlert error={error} />
        <TextInput
          label={ldap ? 'LDAP username' : 'Username'}
          autoComplete="username"
          autoFocus
          required
          key={form.key('principal')}
          {...form.getInputProps('principal')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={submitting} fullWidth mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
