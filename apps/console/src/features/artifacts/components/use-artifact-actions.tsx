import { Code, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { withProgress } from '../../../shared/ui/notify';
import { useDeleteArtifact, useRemoveTag } from '../api/mutations';
import type { Artifact } from '../../../shared/api/types';
import type { RepositoryLocation } from '../api/paths';
import { isIndex, shortDigest } from './artifact-format';

/**
 * Returns the confirmed artifact actions of a repository: remove a tag, delete an artifact. Each asks first, then
 * runs with progress and a clear success or the API's refusal; `onDeleted` runs after a delete succeeded.
 */
export function useArtifactActions(location: RepositoryLocation, onDeleted?: (artifact: Artifact) => void) {
  const removeTag = useRemoveTag(location);
  const remove = useDeleteArtifact(location);
  const repositoryName = `${location.projectName}/${location.repository}`;

  const confirmRemoveTag = (artifact: Artifact, tag: string) =>
    modals.openConfirmModal({
      title: `Remove tag ${tag}?`,
      children: (
        <Text size="sm">
          <Code>
            {repositoryName}:{tag}
          </Code>{' '}
          will no longer pull. The artifact {shortDigest(artifact.digest)} stays, with its other tags and its digest.
        </Text>
      ),
      labels: { confirm: 'Remove tag', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Removing tag ${tag}…`,
            success: `Tag ${tag} removed`,
            failure: `Could not remove tag ${tag}`,
          },
          () => removeTag.mutateAsync({ digest: artifact.digest, tag }),
        ).catch(() => undefined),
    });

  const confirmDelete = (artifact: Artifact) => {
    const tags = (artifact.tags ?? []).map((tag) => tag.name);
    const short = shortDigest(artifact.digest);
    return modals.openConfirmModal({
      title: `Delete artifact ${short}?`,
      children: (
        <Text size="sm">
          {tags.length > 0
            ? `Its ${tags.length === 1 ? 'tag' : 'tags'} ${tags.join(', ')} ${tags.length === 1 ? 'goes' : 'go'} with it. `
            : 'It has no tags. '}
          {isIndex(artifact)
            ? 'The manifests this index lists are deleted too unless tagged or listed elsewhere. '
            : ''}
          Anything pulling it by tag or digest will fail. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete artifact', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Deleting artifact ${short}…`,
            success: `Artifact ${short} deleted`,
            failure: `Could not delete artifact ${short}`,
          },
          () => remove.mutateAsync(artifact.digest),
        ).then(
          () => onDeleted?.(artifact),
          () => undefined,
        ),
    });
  };

  return { confirmRemoveTag, confirmDelete };
}
