import { PageHeader } from '@berth/console-ui';
import { Action, ProjectResource } from '@berth/rbac';
import {
  ActionIcon,
  Anchor,
  Button,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { formatBytes, formatDateTime } from '../../../shared/format';
import { ErrorMessage, Loading } from '../../../shared/ui/query-state';
import { useSystemInfo } from '../../system/api/queries';
import { artifactQuery, buildHistoryQuery, configQuery, manifestQuery } from '../api/queries';
import type { Artifact } from '../../../shared/api/types';
import type { RepositoryLocation } from '../api/paths';
import { AddTagModal } from '../components/add-tag-modal';
import { artifactTypeLabel, artifactTypeOf, isIndex, shortDigest } from '../components/artifact-format';
import { ArtifactTags } from '../components/artifact-tags';
import { BuildHistoryTable } from '../components/build-history-table';
import { IndexManifestsTable } from '../components/index-manifests-table';
import { JsonDocument } from '../components/json-document';
import { LayersTable, layerRows } from '../components/layers-table';
import { PullCommandPopover } from '../components/pull-command-popover';
import { ReferrerGroups } from '../components/referrer-groups';
import { RepositoryBreadcrumbs } from '../components/repository-breadcrumbs';
import { useArtifactActions } from '../components/use-artifact-actions';
import {
  NotFound,
  RepositoryRoute,
  type RepositoryRouteContext,
  artifactPath,
  repositoryPath,
} from './repository-route';

/** The URL parameter holding the artifact page's tab. */
const TAB_PARAM = 'tab';

/** The tabs of an image (or other single manifest) and of an index. */
const IMAGE_TABS = ['layers', 'history', 'manifest', 'config', 'referrers'] as const;
const INDEX_TABS = ['manifests', 'index', 'referrers'] as const;
type ArtifactTab = (typeof IMAGE_TABS)[number] | (typeof INDEX_TABS)[number];

const TAB_LABELS: Record<ArtifactTab, string> = {
  layers: 'Layers',
  history: 'Build history',
  manifest: 'Manifest',
  config: 'Config',
  referrers: 'Referrers',
  manifests: 'Manifests',
  index: 'Index',
};

/** One labelled fact about the artifact. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** An artifact: its facts, tags and pull commands, then its layers, build history, manifest, config and referrers. */
export function ArtifactPage() {
  return <RepositoryRoute>{(context) => <ArtifactDetails {...context} />}</RepositoryRoute>;
}

function ArtifactDetails({ location, repositoryName, permissions }: RepositoryRouteContext) {
  const reference = useParams()['reference'] ?? '';
  const navigate = useNavigate();
  const artifact = useQuery(artifactQuery(location, reference));
  const systemInfo = useSystemInfo();
  const [tagging, setTagging] = useState<string | null>(null);
  const { confirmRemoveTag, confirmDelete } = useArtifactActions(location, () =>
    navigate(repositoryPath(location.projectId, location.repository), { replace: true }),
  );

  if (isApiError(artifact.error, HttpStatus.NotFound)) {
    return (
      <NotFound
        title="Artifact not found"
        back={repositoryPath(location.projectId, location.repository)}
        backLabel={`Back to ${repositoryName}`}
      />
    );
  }
  if (artifact.isError) return <ErrorMessage error={artifact.error} onRetry={() => void artifact.refetch()} />;
  if (artifact.isPending) {
    return (
      <Stack role="status" aria-label="Loading artifact">
        <Skeleton height={28} width={320} />
        <Skeleton height={120} />
      </Stack>
    );
  }
  const data = artifact.data;
  const registryUrl = systemInfo.data?.registry_url;
  const mayDelete = permissions.can(ProjectResource.Artifact, Action.Delete);
  return (
    <>
      <RepositoryBreadcrumbs location={location} current={shortDigest(data.digest)} />
      <PageHeader
        title={`${repositoryName}@${shortDigest(data.digest)}`}
        actions={
          <Group gap="xs">
            {registryUrl ? (
              <PullCommandPopover registryUrl={registryUrl} repositoryName={repositoryName} artifact={data} />
            ) : null}
            {mayDelete ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => confirmDelete(data)}
              >
                Delete artifact
              </Button>
            ) : null}
          </Group>
        }
      />
      <ArtifactFacts artifact={data} location={location} />
      <Group mt="sm" mb="md" gap="xs">
        <Text size="sm" fw={500}>
          Tags
        </Text>
        <ArtifactTags
          artifact={data}
          onAdd={permissions.can(ProjectResource.Tag, Action.Create) ? () => setTagging(data.digest) : undefined}
          onRemove={
            permissions.can(ProjectResource.Tag, Action.Delete) ? (tag) => confirmRemoveTag(data, tag) : undefined
          }
        />
      </Group>
      <ArtifactTabs artifact={data} location={location} registryUrl={registryUrl} />
      <AddTagModal location={location} digest={tagging} onClose={() => setTagging(null)} />
    </>
  );
}

/** The facts of an artifact: digest (copyable), media and artifact type, size, push and pull, subject. */
function ArtifactFacts({ artifact, location }: { artifact: Artifact; location: RepositoryLocation }) {
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Fact label="Digest">
          <Group gap={4} wrap="nowrap">
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {artifact.digest}
            </Text>
            <CopyButton value={artifact.digest}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy the digest'}>
                  <ActionIcon
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label="Copy the digest"
                  >
                    {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Fact>
        <Fact label="Type">
          <Text size="sm">
            {artifactTypeLabel(isIndex(artifact) ? artifact.manifest_media_type : artifactTypeOf(artifact))}
          </Text>
        </Fact>
        <Fact label="Size">
          <Text size="sm">{formatBytes(artifact.size)}</Text>
        </Fact>
        <Fact label="Manifest media type">
          <Text size="sm">{artifact.manifest_media_type}</Text>
        </Fact>
        <Fact label={artifact.artifact_type ? 'Artifact type' : 'Config media type'}>
          <Text size="sm">{artifactTypeOf(artifact)}</Text>
        </Fact>
        <Fact label="Pushed">
          <Text size="sm">{formatDateTime(artifact.push_time)}</Text>
        </Fact>
        <Fact label="Last pulled">
          <Text size="sm">{artifact.pull_time ? formatDateTime(artifact.pull_time) : 'Never'}</Text>
        </Fact>
        {artifact.subject_digest ? (
          <Fact label="Refers to">
            <Anchor
              component={Link}
              to={artifactPath(location.projectId, location.repository, artifact.subject_digest)}
              ff="monospace"
              size="sm"
            >
              {shortDigest(artifact.subject_digest)}
            </Anchor>
          </Fact>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

/** The artifact's tabs, the current one kept in the URL (`?tab=`). */
function ArtifactTabs({
  artifact,
  location,
  registryUrl,
}: {
  artifact: Artifact;
  location: RepositoryLocation;
  registryUrl?: string;
}) {
  const [params, setParams] = useSearchParams();
  const tabs: readonly ArtifactTab[] = isIndex(artifact) ? INDEX_TABS : IMAGE_TABS;
  const requested = params.get(TAB_PARAM) as ArtifactTab | null;
  const tab = requested && tabs.includes(requested) ? requested : tabs[0];
  const select = (next: string | null) => {
    if (!next) return;
    // Another tab starts without the referrers' page in the URL.
    setParams(new URLSearchParams(next === tabs[0] ? {} : { [TAB_PARAM]: next }), { replace: true });
  };
  return (
    <Tabs value={tab} onChange={select} keepMounted={false}>
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t} value={t}>
            {TAB_LABELS[t]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={tab} pt="md">
        <ArtifactTabPanel tab={tab} artifact={artifact} location={location} registryUrl={registryUrl} />
      </Tabs.Panel>
    </Tabs>
  );
}

function ArtifactTabPanel({
  tab,
  artifact,
  location,
  registryUrl,
}: {
  tab: ArtifactTab;
  artifact: Artifact;
  location: RepositoryLocation;
  registryUrl?: string;
}) {
  switch (tab) {
    case 'manifests':
      return <IndexManifestsTable location={location} references={artifact.references ?? []} />;
    case 'layers':
      return <LayersPanel artifact={artifact} location={location} />;
    case 'history':
      return <HistoryPanel artifact={artifact} location={location} />;
    case 'manifest':
    case 'index':
      return <ManifestPanel artifact={artifact} location={location} />;
    case 'config':
      return <ConfigPanel artifact={artifact} location={location} />;
    case 'referrers':
      return <ReferrerGroups location={location} digest={artifact.digest} registryUrl={registryUrl} />;
  }
}

interface PanelProps {
  artifact: Artifact;
  location: RepositoryLocation;
}

function LayersPanel({ artifact, location }: PanelProps) {
  const manifest = useQuery(manifestQuery(location, artifact.digest));
  // The history only labels the layers: a failure to read it leaves the layers shown without their steps.
  const history = useQuery(buildHistoryQuery(location, artifact.digest));
  if (manifest.isError) return <ErrorMessage error={manifest.error} onRetry={() => void manifest.refetch()} />;
  if (!manifest.data) return <Loading label="Loading layers…" />;
  const rows = layerRows(manifest.data, history.data);
  if (!rows) return <Text size="sm">This manifest has no layers to list.</Text>;
  return <LayersTable rows={rows} />;
}

function HistoryPanel({ artifact, location }: PanelProps) {
  const history = useQuery(buildHistoryQuery(location, artifact.digest));
  if (history.isError) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading label="Loading build history…" />;
  return <BuildHistoryTable history={history.data} />;
}

function ManifestPanel({ artifact, location }: PanelProps) {
  const manifest = useQuery(manifestQuery(location, artifact.digest));
  if (manifest.isError) return <ErrorMessage error={manifest.error} onRetry={() => void manifest.refetch()} />;
  if (!manifest.data) return <Loading label="Loading the manifest…" />;
  return <JsonDocument value={manifest.data} label={isIndex(artifact) ? 'Index' : 'Manifest'} />;
}

function ConfigPanel({ artifact, location }: PanelProps) {
  const config = useQuery(configQuery(location, artifact.digest));
  if (config.isError) return <ErrorMessage error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <Loading label="Loading the config…" />;
  return <JsonDocument value={config.data} label="Config" />;
}
