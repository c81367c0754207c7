import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Props of CommandBlock. */
export interface CommandBlockProps {
  /** The command(s), one per line. */
  command: string;
  /** What the copy button says to screen readers. */
  copyLabel?: string;
}

/** Shows shell commands in a focusable block with a button that copies them. */
export function CommandBlock({ command, copyLabel = 'Copy command' }: CommandBlockProps) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Code block tabIndex={0} style={{ flex: 1, overflowX: 'auto' }}>
        {command}
      </Code>
      <CopyButton value={command}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : copyLabel} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={copyLabel}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
