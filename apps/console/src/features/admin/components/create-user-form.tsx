import { Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { z } from 'zod';
import { confirmMatches, newPasswordShape } from '../../account/components/password-policy';
import { PasswordRules } from '../../account/components/password-rules';
import type { CreateUserRequest } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** Longest username, email, real name and comment (core-api's columns). */
export const USER_FIELD_MAX_LENGTH = 255;

/** Characters core-api refuses in a username: Harbor's set plus `:`, which ends the name in a Basic header. */
const FORBIDDEN_USERNAME_CHARACTERS = /[,"~#$%:\s\p{Cc}]/u;

/** A loose email check: core-api stores what it is given, the form only catches slips. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The create-user form's values. */
export interface CreateUserValues {
  username: string;
  email: string;
  realname: string;
  password: string;
  confirm: string;
  comment: string;
}

/** Builds the form's checks, mirroring core-api's; robot login names (`robotPrefix…`) are reserved, said first. */
export function createUserSchema(robotPrefix: string) {
  return z
    .object({
      username: z
        .string()
        .trim()
        .min(1, 'Enter a username.')
        .max(USER_FIELD_MAX_LENGTH, `Use at most ${USER_FIELD_MAX_LENGTH} characters.`)
        .refine(
          (name) => robotPrefix === '' || !name.toLowerCase().startsWith(robotPrefix.toLowerCase()),
          `Usernames starting with ${robotPrefix} are kept for robot accounts.`,
        )
        .refine(
          (name) => !FORBIDDEN_USERNAME_CHARACTERS.test(name),
          'Do not use spaces or any of , " ~ # $ % : in a username.',
        ),
      email: z
        .string()
        .trim()
        .max(USER_FIELD_MAX_LENGTH, `Use at most ${USER_FIELD_MAX_LENGTH} characters.`)
        .refine((email) => email === '' || EMAIL.test(email), 'Enter an email address such as alice@example.com.'),
      realname: z.string().trim().max(USER_FIELD_MAX_LENGTH, `Use at most ${USER_FIELD_MAX_LENGTH} characters.`),
      comment: z.string().trim().max(USER_FIELD_MAX_LENGTH, `Use at most ${USER_FIELD_MAX_LENGTH} characters.`),
      ...newPasswordShape,
    })
    .superRefine(confirmMatches);
}

/** Turns valid form values into the body of `POST /users`, leaving out empty optional fields. */
export function toCreateUserRequest(values: CreateUserValues): CreateUserRequest {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return {
    username: values.username.trim(),
    password: values.password,
    email: optional(values.email),
    realname: optional(values.realname),
    comment: optional(values.comment),
  };
}

/** Props of CreateUserForm. */
export interface CreateUserFormProps {
  submitting: boolean;
  /** The configured robot name prefix (`robot$`), which usernames may not start with. */
  robotPrefix: string;
  /** The API's refusal of the last attempt; a taken username or email (409) is shown on the username field. */
  error?: { message: string; field?: 'username' };
  onSubmit(request: CreateUserRequest): void;
  onCancel(): void;
}

const INITIAL_VALUES: CreateUserValues = {
  username: '',
  email: '',
  realname: '',
  password: '',
  confirm: '',
  comment: '',
};

/** The new-user form: a local account with a password that meets the policy, shown rule by rule as it is typed. */
export function CreateUserForm({ submitting, robotPrefix, error, onSubmit, onCancel }: CreateUserFormProps) {
  const form = useForm<CreateUserValues>({
    initialValues: INITIAL_VALUES,
    validate: schemaResolver(createUserSchema(robotPrefix), { sync: true }),
    validateInputOnBlur: ['username', 'email', 'confirm'],
  });
  const { setFieldError } = form;
  useEffect(() => {
    if (error?.field === 'username') setFieldError('username', error.message);
  }, [error, setFieldError]);

  return (
    <form noValidate aria-label="New user" onSubmit={form.onSubmit((values) => onSubmit(toCreateUserRequest(values)))}>
      <Stack gap="sm">
        {error && error.field !== 'username' ? <FailureAlert error={error.message} /> : null}
        <TextInput label="Username" required data-autofocus autoComplete="off" {...form.getInputProps('username')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label="Full name" autoComplete="off" {...form.getInputProps('realname')} />
        </SimpleGrid>
        <PasswordInput label="Password" required autoComplete="new-password" {...form.getInputProps('password')} />
        <PasswordRules password={form.values.password} />
        <PasswordInput
          label="Confirm password"
          required
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <TextInput label="Comment" autoComplete="off" {...form.getInputProps('comment')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
