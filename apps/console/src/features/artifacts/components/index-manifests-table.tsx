import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatBytes } from '../../../shared/format';
import type { ArtifactReference } from '../../../shared/api/types';
import type { RepositoryLocation } from '../api/paths';
import { artifactPath } from '../pages/repository-route';
import { platformLabel, shortDigest } from './artifact-format';

/** The manifests an index lists: platform, digest (linking to the manifest's page), media type and size. */
export function IndexManifestsTable({
  location,
  references,
}: {
  location: RepositoryLocation;
  references: readonly ArtifactReference[];
}) {
  if (references.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This index lists no manifests.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Manifests of the index" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Platform</Table.Th>
            <Table.Th>Digest</Table.Th>
            <Table.Th>Media type</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {references.map((ref) => (
            <Table.Tr key={ref.child_digest}>
              <Table.Td>{platformLabel(ref.platform)}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={artifactPath(location.projectId, location.repository, ref.child_digest)}
                  ff="monospace"
                  size="sm"
                >
                  {shortDigest(ref.child_digest)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ref.child_media_type}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatBytes(ref.child_size)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
