import { Button, Group, Stack, Switch } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import { notifySuccess } from '../../../shared/ui/notify';
import { useUpdateProject } from '../api/mutations';
import type { Project, UpdateProjectRequest } from '../../../shared/api/types';
import {
  QuotaFields,
  type QuotaValues,
  fromStorageLimit,
  quotaShape,
  refineQuota,
  toStorageLimit,
} from './quota-fields';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** The project settings form's values. */
export interface ProjectSettingsValues extends QuotaValues {
  isPublic: boolean;
}

const settingsSchema = z.object({ isPublic: z.boolean(), ...quotaShape }).superRefine(refineQuota);

/** The form's values for a project as the API shows it. */
export function projectSettingsValues(project: Project): ProjectSettingsValues {
  return { isPublic: project.metadata.public === 'true', ...fromStorageLimit(project.storage_limit) };
}

/**
 * The body of `PUT /projects/{id}` for the fields the user changed, or undefined when nothing changed: an untouched
 * quota is not resent, so a limit the units cannot show exactly is kept as it is.
 */
export function toUpdateProjectRequest(
  values: ProjectSettingsValues,
  changed: (field: keyof ProjectSettingsValues) => boolean,
): UpdateProjectRequest | undefined {
  const request: UpdateProjectRequest = {};
  if (changed('isPublic')) request.metadata = { public: values.isPublic ? 'true' : 'false' };
  if (changed('unlimited') || changed('quota') || changed('unit')) request.storage_limit = toStorageLimit(values);
  return Object.keys(request).length > 0 ? request : undefined;
}

/** A project admin's settings of a project: public or private, and its storage quota. */
export function ProjectSettingsForm({ project }: { project: Project }) {
  const update = useUpdateProject(project.project_id);
  const form = useForm<ProjectSettingsValues>({
    initialValues: projectSettingsValues(project),
    validate: schemaResolver(settingsSchema, { sync: true }),
  });

  const submit = (values: ProjectSettingsValues) => {
    const request = toUpdateProjectRequest(values, (field) => form.isDirty(field));
    if (!request) return;
    update.mutate(request, {
      onSuccess: () => {
        notifySuccess(`Settings of ${project.name} saved`);
        form.setInitialValues(values);
        form.resetDirty(values);
      },
    });
  };

  return (
    <form noValidate aria-label={`Settings of ${project.name}`} onSubmit={form.onSubmit(submit)}>
      <Stack gap="sm">
        <FailureAlert error={update.error} />
        <Switch
          label="Public"
          description="Anyone, even without signing in, can pull images from a public project."
          {...form.getInputProps('isPublic', { type: 'checkbox' })}
        />
        <QuotaFields form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || update.isPending}>
            Discard
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
