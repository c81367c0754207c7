import { Button, Group, NumberInput, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { RobotPermission } from '../../../shared/api/types';
import { PermissionsEditor, validatePermissions } from '../../../shared/ui/permissions-editor';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** core-api's robot name grammar: lower-case letters and digits, single `.`, `_` or `-` between them. */
export const ROBOT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Longest lifetime core-api accepts, in days (100 years). */
export const MAX_ROBOT_DAYS = 36_500;

/** The lifetime that means "never expires". */
export const NEVER_EXPIRES = -1;

/** How the robot's lifetime is chosen: the system default, a number of days, or never expiring. */
export type ExpiryChoice = 'default' | 'days' | 'never';

/** The robot form's values. */
export interface RobotFormValues {
  name: string;
  description: string;
  expiry: ExpiryChoice;
  days: number | string;
  permissions: RobotPermission[];
}

/** What the form hands over: the fields of `POST /robots` and `PUT /robots/{id}` it edits. */
export interface RobotFormResult {
  name: string;
  description: string;
  /** Days; -1 never expires; 0 takes the system default. */
  duration: number;
  permissions: RobotPermission[];
}

/** Checks the form's values as core-api will; returns errors by field. */
export function validateRobotForm(
  values: RobotFormValues,
  level: 'system' | 'project',
  { neverExpireAllowed, editing }: { neverExpireAllowed: boolean; editing: boolean },
): Partial<Record<keyof RobotFormValues, string>> {
  const errors: Partial<Record<keyof RobotFormValues, string>> = {};
  const name = values.name.trim();
  if (!editing) {
    if (name === '') errors.name = 'Enter a name.';
    else if (!ROBOT_NAME_PATTERN.test(name)) {
      errors.name = 'Use lower-case letters and digits, separated by single ".", "_" or "-" (for example ci-pull).';
    }
  }
  if (values.expiry === 'days') {
    const days = typeof values.days === 'number' ? values.days : Number.NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_ROBOT_DAYS) {
      errors.days = `Enter a whole number of days from 1 to ${MAX_ROBOT_DAYS}.`;
    }
  }
  if (values.expiry === 'never' && !neverExpireAllowed) {
    errors.expiry = 'The system does not allow robots that never expire.';
  }
  const permissions = validatePermissions(level, values.permissions);
  if (permissions) errors.permissions = permissions;
  return errors;
}

/** Turns valid form values into what the API takes. */
export function toRobotFormResult(values: RobotFormValues): RobotFormResult {
  const duration = values.expiry === 'never' ? NEVER_EXPIRES : values.expiry === 'days' ? Number(values.days) : 0;
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    duration,
    permissions: values.permissions.map((grant) => ({ ...grant, namespace: grant.namespace.trim() })),
  };
}

/** Props of RobotForm. */
export interface RobotFormProps {
  level: 'system' | 'project';
  /** The project of a project robot. */
  projectName?: string;
  /** The values to start from: empty for a new robot, the robot's for an edit. */
  initialValues: RobotFormValues;
  /** True when editing: the name is fixed. */
  editing?: boolean;
  /** The login name's prefix (`robot$`), to show the full name while typing. */
  namePrefix: string;
  /** The system's default lifetime in days (robot_token_duration). */
  defaultDays: number;
  /** Whether the system allows robots that never expire. */
  neverExpireAllowed: boolean;
  submitting: boolean;
  /** The API's refusal of the last attempt; a taken name (409) is shown on the name field. */
  error?: { message: string; field?: 'name' };
  submitLabel: string;
  onSubmit(result: RobotFormResult): void;
  onCancel(): void;
}

/** The robot form: name (with the login name it makes), description, lifetime and permissions. */
export function RobotForm(props: RobotFormProps) {
  const { level, projectName, editing = false, namePrefix, defaultDays, neverExpireAllowed, error } = props;
  const form = useForm<RobotFormValues>({
    initialValues: props.initialValues,
    validate: (values) => validateRobotForm(values, level, { neverExpireAllowed, editing }),
  });
  const { setFieldError } = form;
  useEffect(() => {
    if (error?.field === 'name') setFieldError('name', error.message);
  }, [error, setFieldError]);
  const shortName = form.values.name.trim();
  const loginName =
    level === 'project' ? `${namePrefix}${projectName ?? ''}+${shortName}` : `${namePrefix}${shortName}`;

  return (
    <form
      noValidate
      aria-label={editing ? `Edit robot ${form.values.name}` : 'New robot account'}
      onSubmit={form.onSubmit((values) => props.onSubmit(toRobotFormResult(values)))}
    >
      <Stack gap="sm">
        {error && error.field !== 'name' ? <FailureAlert error={error.message} /> : null}
        <TextInput
          label="Name"
          required={!editing}
          readOnly={editing}
          data-autofocus={!editing || undefined}
          autoComplete="off"
          description={
            shortName && !editing ? (
              <>
                Signs in as{' '}
                <Text span ff="monospace" size="xs">
                  {loginName}
                </Text>
              </>
            ) : (
              'Lower-case letters and digits, separated by single . _ or -'
            )
          }
          {...form.getInputProps('name')}
        />
        <Textarea label="Description" rows={2} {...form.getInputProps('description')} />
        <Radio.Group label="Expires" {...form.getInputProps('expiry')}>
          <Group gap="md" mt={6}>
            <Radio value="default" label={`After the default ${defaultDays} days`} />
            <Radio value="days" label="After a number of days" />
            <Radio
              value="never"
              label="Never"
              disabled={!neverExpireAllowed}
              description={neverExpireAllowed ? undefined : 'Not allowed by the configuration'}
            />
          </Group>
        </Radio.Group>
        {form.values.expiry === 'days' ? (
          <NumberInput
            label={editing ? 'Days from creation' : 'Days'}
            min={1}
            max={MAX_ROBOT_DAYS}
            allowDecimal={false}
            w={200}
            {...form.getInputProps('days')}
          />
        ) : null}
        <div>
          <Text size="sm" fw={500} mb={4}>
            Permissions
          </Text>
          <PermissionsEditor
            level={level}
            projectName={projectName}
            value={form.values.permissions}
            onChange={(permissions) => {
              form.setFieldValue('permissions', permissions);
              form.clearFieldError('permissions');
            }}
            error={form.errors['permissions']}
          />
        </div>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel} disabled={props.submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={props.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
