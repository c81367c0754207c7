import { CommandBlock } from '@berth/console-ui';
import { ActionIcon, Popover, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Artifact } from '../../../shared/api/types';
import { pullByDigestCommand, pullByTagCommand, shortDigest } from './artifact-format';

/** Height past which the list of tag commands scrolls: about eight commands. */
const MAX_COMMANDS_HEIGHT = 360;

/** Props of PullCommandPopover. */
export interface PullCommandPopoverProps {
  registryUrl: string;
  /** The repository's full name, project included. */
  repositoryName: string;
  artifact: Pick<Artifact, 'digest' | 'tags'>;
}

/**
 * A button opening the exact `docker pull` commands of an artifact, one per tag and one by digest, each with a copy
 * button; the commands stay selectable where the browser refuses clipboard access (plain HTTP).
 */
export function PullCommandPopover({ registryUrl, repositoryName, artifact }: PullCommandPopoverProps) {
  const tags = artifact.tags ?? [];
  const label = `Pull commands for ${shortDigest(artifact.digest)}`;
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={560} trapFocus>
      <Popover.Target>
        <Tooltip label="Pull command">
          <ActionIcon variant="subtle" aria-label={label}>
            <IconDownload size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown aria-label={label}>
        <ScrollArea.Autosize mah={MAX_COMMANDS_HEIGHT}>
          <Stack gap="xs">
            {tags.map((tag) => (
              <Stack gap={2} key={tag.name}>
                <Text size="xs" c="dimmed">
                  By tag {tag.name}
                </Text>
                <CommandBlock
                  command={pullByTagCommand(registryUrl, repositoryName, tag.name)}
                  copyLabel={`Copy pull command for tag ${tag.name}`}
                />
              </Stack>
            ))}
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                By digest (always this exact content)
              </Text>
              <CommandBlock
                command={pullByDigestCommand(registryUrl, repositoryName, artifact.digest)}
                copyLabel="Copy pull command by digest"
              />
            </Stack>
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
