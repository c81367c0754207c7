import { Modal } from '@mantine/core';
import { dialogForm } from '../../../shared/ui/dialog-form';
import { notifySuccess } from '../../../shared/ui/notify';
import { useCreateProject } from '../api/mutations';
import { CreateProjectForm } from './create-project-form';

/** Props of CreateProjectModal. */
export interface CreateProjectModalProps {
  opened: boolean;
  onClose(): void;
}

/** The New project dialog: submits the form, keeps it open with the API's refusal, closes and confirms on success. */
export function CreateProjectModal({ opened, onClose }: CreateProjectModalProps) {
  const create = useCreateProject();
  const { close, error } = dialogForm(create, onClose, 'name');
  return (
    <Modal opened={opened} onClose={close} title="New project" size="md">
      <CreateProjectForm
        submitting={create.isPending}
        error={error}
        onCancel={close}
        onSubmit={(request) =>
          create.mutate(request, {
            onSuccess: () => {
              notifySuccess(`Project ${request.project_name} created`);
              close();
            },
          })
        }
      />
    </Modal>
  );
}
