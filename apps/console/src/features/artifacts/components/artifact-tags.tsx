import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { Artifact } from '../../../shared/api/types';
import { shortDigest } from './artifact-format';

/** Props of ArtifactTags. */
export interface ArtifactTagsProps {
  artifact: Artifact;
  /** Offers a remove button on each tag. */
  onRemove?(tag: string): void;
  /** Offers an add button after the tags. */
  onAdd?(): void;
}

/** An artifact's tags as badges, each removable and with an add button when the user may change tags. */
export function ArtifactTags({ artifact, onRemove, onAdd }: ArtifactTagsProps) {
  const tags = artifact.tags ?? [];
  return (
    <Group gap={4} wrap="wrap">
      {tags.length === 0 ? (
        <Text size="sm" c="dimmed">
          untagged
        </Text>
      ) : null}
      {tags.map((tag) => (
        <Badge
          key={tag.name}
          variant="light"
          tt="none"
          rightSection={
            onRemove ? (
              <ActionIcon
                size="xs"
                variant="transparent"
                color="gray"
                aria-label={`Remove tag ${tag.name}`}
                onClick={() => onRemove(tag.name)}
              >
                <IconX size={12} />
              </ActionIcon>
            ) : undefined
          }
        >
          {tag.name}
        </Badge>
      ))}
      {onAdd ? (
        <Tooltip label="Add tag">
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={`Add a tag to ${shortDigest(artifact.digest)}`}
            onClick={onAdd}
          >
            <IconPlus size={14} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}
