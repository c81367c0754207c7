import { CommandBlock, DataTable, type DataTableColumn, PageHeader, SearchInput } from '@berth/console-ui';
import { Action, ProjectResource } from '@berth/rbac';
import {
  ActionIcon,
  Anchor,
  Badge,
  Code,
  EmptyState,
  Group,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconBox, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { formatBytes, formatDateTime, formatRelative } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { registryHost } from '../../../shared/registry-address';
import { useSystemInfo } from '../../system/api/queries';
import { artifactListQuery, repositoryQuery } from '../api/queries';
import type { Artifact } from '../../../shared/api/types';
import { AddTagModal } from '../components/add-tag-modal';
import { artifactTypeLabel, artifactTypeOf, isIndex, shortDigest } from '../components/artifact-format';
import { ArtifactTags } from '../components/artifact-tags';
import { PlatformBadges } from '../components/platform-badges';
import { PullCommandPopover } from '../components/pull-command-popover';
import { RepositoryBreadcrumbs } from '../components/repository-breadcrumbs';
import { RepositoryDescription } from '../components/repository-description';
import { useArtifactActions } from '../components/use-artifact-actions';
import { NotFound, RepositoryRoute, type RepositoryRouteContext, artifactPath } from './repository-route';

/** Columns of GET …/artifacts the list sorts by (core-api's ARTIFACT_LIST). */
const SORTABLE = ['push_time', 'pull_time', 'size'] as const;

/** Shows when something happened, relative, with the exact time on hover; `never` when it did not. */
function When({ iso, never }: { iso: string | null; never: string }) {
  if (!iso) {
    return (
      <Text size="sm" c="dimmed">
        {never}
      </Text>
    );
  }
  return (
    <Tooltip label={formatDateTime(iso)}>
      <Text size="sm" component="time" dateTime={iso}>
        {formatRelative(iso)}
      </Text>
    </Tooltip>
  );
}

/** A repository: its artifacts with tags, type, platforms, size, push and pull times, pull commands and actions. */
export function RepositoryPage() {
  return <RepositoryRoute>{(context) => <RepositoryArtifacts {...context} />}</RepositoryRoute>;
}

function RepositoryArtifacts({ project, location, repositoryName, permissions }: RepositoryRouteContext) {
  const list = useListState({ sortable: SORTABLE, defaultSort: '-push_time' });
  const repository = useQuery(repositoryQuery(location));
  const artifacts = useQuery(artifactListQuery(location, toHarborParams(list.state, 'digest')));
  const systemInfo = useSystemInfo();
  const registryUrl = systemInfo.data?.registry_url;
  const [tagging, setTagging] = useState<string | null>(null);
  const { confirmRemoveTag, confirmDelete } = useArtifactActions(location);
  const mayAddTag = permissions.can(ProjectResource.Tag, Action.Create);
  const mayRemoveTag = permissions.can(ProjectResource.Tag, Action.Delete);
  const mayDelete = permissions.can(ProjectResource.Artifact, Action.Delete);

  if (isApiError(repository.error, HttpStatus.NotFound)) {
    return (
      <NotFound
        title="Repository not found"
        back={`/projects/${project.project_id}/repositories`}
        backLabel={`Back to the repositories of ${project.name}`}
      />
    );
  }

  const columns: DataTableColumn<Artifact>[] = [
    {
      key: 'artifact',
      header: 'Artifact',
      render: (artifact) => (
        <Stack gap={2}>
          <Anchor
            component={Link}
            to={artifactPath(location.projectId, location.repository, artifact.digest)}
            ff="monospace"
            size="sm"
            aria-label={`Artifact ${shortDigest(artifact.digest)}`}
          >
            {shortDigest(artifact.digest)}
          </Anchor>
          {artifact.subject_digest ? (
            <Text size="xs" c="dimmed">
              refers to{' '}
              <Anchor
                component={Link}
                to={artifactPath(location.projectId, location.repository, artifact.subject_digest)}
                size="xs"
                ff="monospace"
              >
                {shortDigest(artifact.subject_digest)}
              </Anchor>
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'tags',
      header: 'Tags',
      render: (artifact) => (
        <ArtifactTags
          artifact={artifact}
          onAdd={mayAddTag ? () => setTagging(artifact.digest) : undefined}
          onRemove={mayRemoveTag ? (tag) => confirmRemoveTag(artifact, tag) : undefined}
        />
      ),
    },
    {
      key: 'type',
      header: 'Type',
      render: (artifact) => (
        <Tooltip label={isIndex(artifact) ? artifact.manifest_media_type : artifactTypeOf(artifact)}>
          <Badge variant="dot" color={isIndex(artifact) ? 'grape' : 'blue'} tt="none">
            {artifactTypeLabel(isIndex(artifact) ? artifact.manifest_media_type : artifactTypeOf(artifact))}
          </Badge>
        </Tooltip>
      ),
    },
    { key: 'platforms', header: 'Platforms', render: (artifact) => <PlatformBadges artifact={artifact} /> },
    {
      key: 'size',
      header: 'Size',
      sortField: 'size',
      align: 'right',
      render: (artifact) => <Text size="sm">{formatBytes(artifact.size)}</Text>,
    },
    {
      key: 'pushed',
      header: 'Pushed',
      sortField: 'push_time',
      render: (artifact) => <When iso={artifact.push_time} never="—" />,
    },
    {
      key: 'pulled',
      header: 'Last pull',
      sortField: 'pull_time',
      render: (artifact) => <When iso={artifact.pull_time} never="Never" />,
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 88,
      render: (artifact) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {registryUrl ? (
            <PullCommandPopover registryUrl={registryUrl} repositoryName={repositoryName} artifact={artifact} />
          ) : null}
          {mayDelete ? (
            <Tooltip label="Delete artifact">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Delete artifact ${shortDigest(artifact.digest)}`}
                onClick={() => confirmDelete(artifact)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
      ),
    },
  ];

  const searching = list.state.search.trim() !== '';
  const details = repository.data;
  return (
    <>
      <RepositoryBreadcrumbs location={location} />
      <PageHeader
        title={repositoryName}
        description={
          details
            ? `${details.artifact_count} ${details.artifact_count === 1 ? 'artifact' : 'artifacts'} · ${
                details.pull_count
              } ${details.pull_count === 1 ? 'pull' : 'pulls'}`
            : undefined
        }
      />
      {details ? (
        <RepositoryDescription
          location={location}
          repository={details}
          editable={permissions.can(ProjectResource.Repository, Action.Update)}
        />
      ) : null}
      <Group mb="sm">
        <SearchInput label="Search by digest" value={list.state.search} onSearch={list.setSearch} />
      </Group>
      <DataTable
        label="Artifacts"
        columns={columns}
        rowKey={(artifact) => artifact.id}
        {...listTableProps(list, artifacts)}
        empty={
          searching ? (
            <NoMatches
              title="No artifacts match"
              description={`No digest in ${repositoryName} contains “${list.state.search}”.`}
              onClear={() => list.setSearch('')}
            />
          ) : (
            <EmptyState
              icon={<IconBox size={28} />}
              title="No artifacts"
              description="Push an image to this repository and it shows here."
              size="sm"
            >
              {registryUrl ? (
                <Stack gap="xs" maw={720} mx="auto" ta="left">
                  <CommandBlock
                    command={`docker push ${registryHost(registryUrl)}/${repositoryName}:<tag>`}
                    copyLabel="Copy the push command"
                  />
                  <Text size="xs" c="dimmed">
                    Replace <Code>&lt;tag&gt;</Code> with the tag of a local image named {repositoryName}.
                  </Text>
                </Stack>
              ) : null}
            </EmptyState>
          )
        }
      />
      <AddTagModal location={location} digest={tagging} onClose={() => setTagging(null)} />
    </>
  );
}
