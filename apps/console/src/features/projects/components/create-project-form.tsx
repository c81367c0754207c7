import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { z } from 'zod';
import type { CreateProjectRequest } from '../../../shared/api/types';
import { QuotaFields, type QuotaValues, quotaShape, refineQuota, toStorageLimit } from './quota-fields';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** Longest project name, as core-api's (Harbor's) grammar. */
export const PROJECT_NAME_MAX_LENGTH = 255;

/** core-api's project name grammar: lower-case alphanumeric runs joined by single `.`, `_` or `-`. */
export const PROJECT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** The create-project form's values. */
export interface CreateProjectValues extends QuotaValues {
  name: string;
  isPublic: boolean;
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
    ...quotaShape,
  })
  .superRefine(refineQuota);

/** Turns valid form values into the body of `POST /projects`. */
export function toCreateProjectRequest(values: CreateProjectValues): CreateProjectRequest {
  return {
    project_name: values.name.trim(),
    metadata: { public: values.isPublic ? 'true' : 'false' },
    storage_limit: toStorageLimit(values),
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
        {error && error.field !== 'name' ? <FailureAlert error={error.message} /> : null}
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
        <QuotaFields form={form} />
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
