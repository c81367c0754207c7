import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage } from '../api/api-error';

/** Announces that a section is still loading. */
export function Loading({ label }: { label: string }) {
  return (
    <Group gap="xs" c="dimmed">
      <Loader size="xs" aria-hidden />
      <Text size="sm" role="status">
        {label}
      </Text>
    </Group>
  );
}

/** Shows why a section could not load, in words the user can act on, with a retry when one is offered. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    // The message, not the whole box with its button, is what assistive technology announces.
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="presentation">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="alert">
          {errorMessage(error)}
        </Text>
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
