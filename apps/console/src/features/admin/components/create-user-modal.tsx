import { Modal } from '@mantine/core';
import { dialogForm } from '../../../shared/ui/dialog-form';
import { notifySuccess } from '../../../shared/ui/notify';
import { useCreateUser } from '../api/mutations';
import { CreateUserForm } from './create-user-form';

/** Props of CreateUserModal. */
export interface CreateUserModalProps {
  opened: boolean;
  onClose(): void;
  /** The configured robot name prefix, reserved for robots. */
  robotPrefix: string;
}

/** The New user dialog: creates the account, keeps the form open with the API's refusal, confirms on success. */
export function CreateUserModal({ opened, onClose, robotPrefix }: CreateUserModalProps) {
  const create = useCreateUser();
  const { close, error } = dialogForm(create, onClose, 'username');
  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <CreateUserForm
        submitting={create.isPending}
        robotPrefix={robotPrefix}
        error={error}
        onCancel={close}
        onSubmit={(request) =>
          create.mutate(request, {
            onSuccess: () => {
              notifySuccess(`User ${request.username} created`);
              close();
            },
          })
        }
      />
    </Modal>
  );
}
