import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Props of SecretReveal. */
export interface SecretRevealProps {
  /** Whether the dialog is open. */
  opened: boolean;
  /** Called when the user confirms they stored the secret: the only way to close the dialog. */
  onClose(): void;
  /** The dialog's title, e.g. "Robot account created". */
  title: string;
  /** The account the secret belongs to (a robot's full login name), shown above the secret with its own copy button. */
  name?: string;
  /** The label of `name`; "Name" by default. */
  nameLabel?: string;
  /** The secret, shown this once. */
  secret: string;
  /** The label of the secret; "Secret" by default ("Token" for personal access tokens). */
  secretLabel?: string;
  /** How to use the secret (e.g. a `docker login` command), shown below it. */
  children?: ReactNode;
}

/** A read-only value with a button that copies it; the button's accessible name says what it copies. */
function CopyableValue({ label, value, monospace }: { label: string; value: string; monospace?: boolean }) {
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        style={{ flex: 1 }}
        styles={monospace ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`} withArrow>
            <ActionIcon
              variant="light"
              color={copied ? 'teal' : 'gray'}
              size="input-sm"
              onClick={copy}
              aria-label={`Copy ${label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * Shows a newly issued secret (a robot's secret, a personal access token) exactly once, with copy buttons and a
 * warning that it cannot be shown again. It closes only through its button, so a stray click or Escape cannot lose
 * the secret before it was copied.
 */
export function SecretReveal({
  opened,
  onClose,
  title,
  name,
  nameLabel = 'Name',
  secret,
  secretLabel = 'Secret',
  children,
}: SecretRevealProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      <Stack gap="sm">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          <Text size="sm">
            Copy the {secretLabel.toLowerCase()} now and store it safely. Berth does not keep it and cannot show it
            again; if it is lost, issue a new one.
          </Text>
        </Alert>
        {name ? <CopyableValue label={nameLabel} value={name} /> : null}
        <CopyableValue label={secretLabel} value={secret} monospace />
        {children}
        <Group justify="flex-end" mt="sm">
          <Button onClick={onClose} data-autofocus>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
