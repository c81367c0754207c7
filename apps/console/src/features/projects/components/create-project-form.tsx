import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { z } from 'zod';
import type { CreateProjectRequest } from '../api/types';

/** Longest project name, as core-api's (Harbor's) grammar. */
export const PROJECT_NAME_MAX_LENGTH = 255;

/** core-api's project name grammar: lower-case alphanumeric runs joined by single `.`, `_` or `-`. */
export const PROJECT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Units the quota can be given in, with their size in bytes. */
export const QUOTA_UNITS = { MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 } as const;
export type QuotaUnit = keyof typeof QUOTA_UNITS;

/** The create-project form's values. */
export interface CreateProjectValues {
  name: string;
  isPublic: boolean;
  unlimited: boolean;
  quota: number | string;
  unit: QuotaUnit;
}

/** Checks the form as core-api will, so mistakes show beside the field before any request. */
export const createProjectSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a project name.')
      .max(PROJECT_NAME_MAX_LENGTH, `Use at most ${PROJECT_NAME_MAX_LENGTH} characters.`)
      .regex(
        PROJECT_NAME_PATTERN,
        'Use lower-case letters and digits, separated by single ".", "_" or "-" (for example team-a).',
      ),
    isPublic: z.boolean(),
    unlimited: z.boolean(),
    quota: z.union([z.number(), z.string()]),
    unit: z.enum(['MiB', 'GiB', 'TiB']),
  })
  .superRefine((values, ctx) => {
    if (values.unlimited) return;
    const quota = typeof values.quota === 'number' ? values.quota : Number.NaN;
    if (!(quota > 0))
      ctx.addIssue({ code: 'custom', path: ['quota'], message: 'Enter a quota above 0, or choose unlimited.' });
  });

/** Turns valid form values into the body of `POST /projects`. */
export function toCreateProjectRequest(values: CreateProjectValues): CreateProjectRequest {
  return {
    project_name: values.name.trim(),
    metadata: { public: values.isPublic ? 'true' : 'false' },
    storage_limit: values.unlimited ? -1 : Math.round(Number(values.quota) * QUOTA_UNITS[values.unit]),
  };
}

/** Props of CreateProjectForm. */
export interface CreateProjectFormProps {
  submitting: boolean;
  /** The API's refusal of the last attempt; a name conflict is shown on the name field. */
  error?: { message: string; field?: 'name' };
  onSubmit(request: CreateProjectRequest): void;
  onCancel(): void;
}

const INITIAL_VALUES: CreateProjectValues = { name: '', isPublic: false, unlimited: true, quota: 10, unit: 'GiB' };

/** The new-project form: a name in core-api's grammar, public or private, and a storage quota. */
export function CreateProjectForm({ submitting, error, onSubmit, onCancel }: CreateProjectFormProps) {
  const form = useForm<CreateProjectValues>({
    initialValues: INITIAL_VALUES,
    validate: schemaResolver(createProjectSchema, { sync: true }),
    validateInputOnBlur: ['name'],
  });
  const { setFieldError } = form;
  useEffect(() => {
    if (error?.field === 'name') setFieldError('name', error.message);
  }, [error, setFieldError]);

  return (
    <form
      noValidate
      aria-label="New project"
      onSubmit={form.onSubmit((values) => onSubmit(toCreateProjectRequest(values)))}
    >
      <Stack gap="sm">
        {error && error.field !== 'name' ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {error.message}
          </Alert>
        ) : null}
        <TextInput
          label="Project name"
          description="Lower-case letters and digits, separated by single . _ or -"
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <Switch
          label="Public"
          description="Anyone, even without signing in, can pull images from a public project."
          {...form.getInputProps('isPublic', { type: 'checkbox' })}
        />
        <Checkbox label="Unlimited storage" {...form.getInputProps('unlimited', { type: 'checkbox' })} />
        {!form.values.unlimited ? (
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <NumberInput
              label="Storage quota"
              min={0}
              decimalScale={2}
              style={{ flex: 1 }}
              {...form.getInputProps('quota')}
            />
            <NativeSelect label="Unit" data={Object.keys(QUOTA_UNITS)} w={96} {...form.getInputProps('unit')} />
          </Group>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Create project
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
