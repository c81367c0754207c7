import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage } from '../api/api-error';

/** Says why a form's last attempt failed, in a red alert screen readers announce; nothing when there is no error. */
export function FailureAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
