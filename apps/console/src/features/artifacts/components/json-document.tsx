import { ActionIcon, Code, CopyButton, Group, ScrollArea, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Height past which a document scrolls inside the page: about thirty lines. */
const MAX_HEIGHT = 560;

/** Indentation of the pretty-printed JSON, as registries and `docker inspect` print it. */
const INDENT = 2;

/** Shows a JSON document pretty-printed in a scrollable, focusable block with a copy button. */
export function JsonDocument({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, INDENT);
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <ScrollArea.Autosize mah={MAX_HEIGHT} style={{ flex: 1 }} type="auto">
        <Code block tabIndex={0} aria-label={label}>
          {text}
        </Code>
      </ScrollArea.Autosize>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label.toLowerCase()}`} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={`Copy the ${label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
