import { PROJECT_PERMISSIONS, SYSTEM_PERMISSIONS, permissionKey } from '@berth/rbac';
import { Button, Fieldset, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { PermissionGrid } from '../../../shared/ui/permissions-editor';
import type { CreateTokenRequest } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** Longest token name core-api accepts. */
export const TOKEN_NAME_MAX_LENGTH = 128;

/** Longest lifetime core-api accepts, in days (ten years). */
export const MAX_TOKEN_DAYS = 3650;

/** The lifetime that means "never expires". */
export const TOKEN_NEVER_EXPIRES = -1;

/** Lifetimes offered in the list, in days; `custom` and `never` are the other choices. */
const EXPIRY_CHOICES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: 'custom', label: 'Another number of days' },
  { value: 'never', label: 'Never' },
];

/** Ready-made scope sets for the commonest uses, and `custom` for the grids. */
export const SCOPE_PRESETS = {
  pull: ['repository:pull'],
  push: ['repository:pull', 'repository:push'],
} as const satisfies Record<string, readonly string[]>;
type ScopeChoice = keyof typeof SCOPE_PRESETS | 'custom';

/** System permissions that are not also project permissions: the second grid. */
const SYSTEM_ONLY = SYSTEM_PERMISSIONS.filter(
  (p) => !PROJECT_PERMISSIONS.some((q) => permissionKey(q) === permissionKey(p)),
);

/** The create-token form's values. */
export interface CreateTokenValues {
  name: string;
  expiry: string;
  days: number | string;
  scopeChoice: ScopeChoice;
  scopes: string[];
}

/** Checks the form as core-api will; returns errors by field. */
export function validateTokenForm(values: CreateTokenValues): Partial<Record<keyof CreateTokenValues, string>> {
  const errors: Partial<Record<keyof CreateTokenValues, string>> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'Enter a name, such as the machine or job that uses the token.';
  else if (name.length > TOKEN_NAME_MAX_LENGTH) errors.name = `Use at most ${TOKEN_NAME_MAX_LENGTH} characters.`;
  if (values.expiry === 'custom') {
    const days = typeof values.days === 'number' ? values.days : Number.NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
      errors.days = `Enter a whole number of days from 1 to ${MAX_TOKEN_DAYS}.`;
    }
  }
  if (values.scopeChoice === 'custom' && values.scopes.length === 0) errors.scopes = 'Choose at least one permission.';
  return errors;
}

/** Turns valid form values into the body of `POST /users/current/tokens`. */
export function toCreateTokenRequest(values: CreateTokenValues): CreateTokenRequest {
  const expires =
    values.expiry === 'never'
      ? TOKEN_NEVER_EXPIRES
      : values.expiry === 'custom'
        ? Number(values.days)
        : Number(values.expiry);
  const scopes = values.scopeChoice === 'custom' ? values.scopes : [...SCOPE_PRESETS[values.scopeChoice]];
  return { name: values.name.trim(), expires_in_days: expires, scopes: [...scopes].sort() };
}

/** Props of CreateTokenForm. */
export interface CreateTokenFormProps {
  submitting: boolean;
  /** The API's refusal of the last attempt; a taken name (409) is shown on the name field. */
  error?: { message: string; field?: 'name' };
  onSubmit(request: CreateTokenRequest): void;
  onCancel(): void;
}

const INITIAL_VALUES: CreateTokenValues = { name: '', expiry: '30', days: 60, scopeChoice: 'pull', scopes: [] };

/** The new-token form: a name, a lifetime, and what the token may do (a preset or chosen permissions). */
export function CreateTokenForm({ submitting, error, onSubmit, onCancel }: CreateTokenFormProps) {
  const form = useForm<CreateTokenValues>({ initialValues: INITIAL_VALUES, validate: validateTokenForm });
  const { setFieldError } = form;
  useEffect(() => {
    if (error?.field === 'name') setFieldError('name', error.message);
  }, [error, setFieldError]);
  const selected = new Set(form.values.scopes);
  const setScopes = (keys: Set<string>) => {
    form.setFieldValue('scopes', [...keys]);
    form.clearFieldError('scopes');
  };

  return (
    <form
      noValidate
      aria-label="New access token"
      onSubmit={form.onSubmit((values) => onSubmit(toCreateTokenRequest(values)))}
    >
      <Stack gap="sm">
        {error && error.field !== 'name' ? <FailureAlert error={error.message} /> : null}
        <TextInput
          label="Name"
          description="What uses the token, so you recognise it later."
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <Group align="flex-start" gap="sm">
          <NativeSelect label="Expires after" data={EXPIRY_CHOICES} w={220} {...form.getInputProps('expiry')} />
          {form.values.expiry === 'custom' ? (
            <NumberInput
              label="Days"
              min={1}
              max={MAX_TOKEN_DAYS}
              allowDecimal={false}
              w={140}
              {...form.getInputProps('days')}
            />
          ) : null}
        </Group>
        {form.values.expiry === 'never' ? (
          <Text size="xs" c="orange.8">
            A token that never expires stays valid until you revoke it. Prefer a lifetime where you can.
          </Text>
        ) : null}
        <Radio.Group
          label="What the token may do"
          description="Your own permissions still apply: a token never does more than you can."
          {...form.getInputProps('scopeChoice')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="pull" label="Pull images" />
            <Radio value="push" label="Push and pull images" />
            <Radio value="custom" label="Choose permissions" />
          </Stack>
        </Radio.Group>
        {form.values.scopeChoice === 'custom' ? (
          <Stack gap="xs">
            <Fieldset legend="In projects">
              <PermissionGrid
                label="Permissions in projects"
                permissions={PROJECT_PERMISSIONS}
                selected={selected}
                onChange={setScopes}
              />
            </Fieldset>
            <Fieldset legend="System">
              <PermissionGrid
                label="System permissions"
                permissions={SYSTEM_ONLY}
                selected={selected}
                onChange={setScopes}
              />
            </Fieldset>
            {form.errors['scopes'] ? (
              <Text size="sm" c="red" role="alert">
                {form.errors['scopes']}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
