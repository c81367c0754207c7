import { Anchor, Badge, Code, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatBytes, formatDateTime } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { useListState } from '../../../shared/list/use-list-state';
import { registryHost } from '../../../shared/registry-address';
import { ErrorMessage, Loading } from '../../../shared/ui/query-state';
import { referrerListQuery } from '../api/queries';
import type { Artifact } from '../../../shared/api/types';
import type { RepositoryLocation } from '../api/paths';
import { artifactPath } from '../pages/repository-route';
import { artifactTypeLabel, artifactTypeOf, shortDigest } from './artifact-format';

/** Groups a page of referrers by artifact type, keeping the server's order (by type, newest first). */
export function groupByArtifactType(referrers: readonly Artifact[]): [string, Artifact[]][] {
  const groups = new Map<string, Artifact[]>();
  for (const referrer of referrers) {
    const type = artifactTypeOf(referrer);
    groups.set(type, [...(groups.get(type) ?? []), referrer]);
  }
  return [...groups.entries()];
}

/** Props of ReferrerGroups. */
export interface ReferrerGroupsProps {
  location: RepositoryLocation;
  /** The artifact whose referrers to show. */
  digest: string;
  registryUrl?: string;
}

/**
 * The artifacts that refer to this one (signatures, SBOMs, attestations), grouped by artifact type; paged on the
 * server with the page in the URL.
 */
export function ReferrerGroups({ location, digest, registryUrl }: ReferrerGroupsProps) {
  const list = useListState({ defaultPageSize: 50 });
  const referrers = useQuery(referrerListQuery(location, digest, toHarborParams(list.state)));
  if (referrers.isError) return <ErrorMessage error={referrers.error} onRetry={() => void referrers.refetch()} />;
  if (!referrers.data) return <Loading label="Loading referrers…" />;
  const { items, total } = referrers.data;
  if (total === 0) {
    const reference = `${registryUrl ? registryHost(registryUrl) : '<registry>'}/${location.projectName}/${location.repository}@${digest}`;
    return (
      <Stack gap="xs">
        <Text size="sm">No signatures, SBOMs or other artifacts refer to this one yet.</Text>
        <Text size="sm" c="dimmed">
          Sign it with <Code>cosign sign {reference}</Code>, or attach an SBOM with{' '}
          <Code>oras attach --artifact-type application/spdx+json {reference} sbom.spdx.json</Code>.
        </Text>
      </Stack>
    );
  }
  const pages = Math.ceil(total / list.state.pageSize);
  return (
    <Stack gap="md">
      {groupByArtifactType(items).map(([type, group]) => (
        <Paper key={type} withBorder p="sm" component="section" aria-label={artifactTypeLabel(type)}>
          <Group gap="xs" mb="xs">
            <Title order={3} size="h5">
              {artifactTypeLabel(type)}
            </Title>
            <Badge variant="light" size="sm">
              {group.length}
            </Badge>
            {artifactTypeLabel(type) !== type ? (
              <Text size="xs" c="dimmed">
                {type}
              </Text>
            ) : null}
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`Referrers: ${artifactTypeLabel(type)}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Digest</Table.Th>
                  <Table.Th>Tags</Table.Th>
                  <Table.Th ta="right">Size</Table.Th>
                  <Table.Th>Pushed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.map((referrer) => (
                  <Table.Tr key={referrer.digest}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={artifactPath(location.projectId, location.repository, referrer.digest)}
                        ff="monospace"
                        size="sm"
                      >
                        {shortDigest(referrer.digest)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{(referrer.tags ?? []).map((tag) => tag.name).join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{formatBytes(referrer.size)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(referrer.push_time)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {pages > 1 ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {total} referrers
          </Text>
          <Pagination
            total={pages}
            value={list.state.page}
            onChange={list.setPage}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
          />
        </Group>
      ) : null}
    </Stack>
  );
}
