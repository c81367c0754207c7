import { Modal } from '@mantine/core';
import { errorMessage, HttpStatus, isApiError } from '../../../shared/api/api-error';
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
  const close = () => {
    create.reset();
    onClose();
  };
  const error = create.error
    ? {
        message: errorMessage(create.error),
        field: isApiError(create.error, HttpStatus.Conflict) ? ('username' as const) : undefined,
      }
    : undefined;
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
