import { Badge, Group, Text } from '@mantine/core';
import type { Artifact } from '../../../shared/api/types';
import { artifactPlatforms } from './artifact-format';

/** The platforms of a multi-platform index as badges (`linux/amd64`), or a dash for a single manifest. */
export function PlatformBadges({ artifact }: { artifact: Artifact }) {
  const platforms = artifactPlatforms(artifact);
  if (platforms.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4} aria-label="Platforms">
      {platforms.map((platform) => (
        <Badge key={platform} variant="outline" color="gray" tt="none" size="sm">
          {platform}
        </Badge>
      ))}
    </Group>
  );
}
