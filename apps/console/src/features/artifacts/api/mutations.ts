import { useMutation, useQueryClient } from '@tanstack/react-query';
import { berthClient, expectOk } from '../../../shared/api/client';
import { artifactKeys } from './keys';
import { artifactPathParams, type RepositoryLocation, repositoryPathParams } from './paths';

/** Adds a tag to an artifact (`POST …/artifacts/{digest}/tags`) and refreshes the repository. */
export function useAddTag(location: RepositoryLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ digest, tag }: { digest: string; tag: string }) =>
      expectOk(
        await berthClient.POST(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/tags',
          { params: { path: artifactPathParams(location, digest) }, body: { name: tag } },
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: artifactKeys.repository(location) }),
  });
}

/** Removes a tag from an artifact (`DELETE …/artifacts/{digest}/tags/{tag}`); the artifact stays. */
export function useRemoveTag(location: RepositoryLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ digest, tag }: { digest: string; tag: string }) =>
      expectOk(
        await berthClient.DELETE(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/tags/{tag_name}',
          { params: { path: { ...artifactPathParams(location, digest), tag_name: tag } } },
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: artifactKeys.repository(location) }),
  });
}

/** Deletes an artifact with its tags (`DELETE …/artifacts/{digest}`). */
export function useDeleteArtifact(location: RepositoryLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (digest: string) =>
      expectOk(
        await berthClient.DELETE(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}',
          { params: { path: artifactPathParams(location, digest) } },
        ),
      ),
    onSuccess: (_data, digest) => {
      queryClient.removeQueries({ queryKey: artifactKeys.artifact(location, digest) });
      // Not awaited: the artifact page leaves as soon as the delete succeeds, rather than refetch what is gone.
      void queryClient.invalidateQueries({ queryKey: artifactKeys.repository(location) });
    },
  });
}

/** Changes a repository's description (`PUT /projects/{p}/repositories/{r}`) and reloads the repository. */
export function useUpdateRepositoryDescription(location: RepositoryLocation) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (description: string) =>
      expectOk(
        await berthClient.PUT('/projects/{project_name_or_id}/repositories/{repository_name}', {
          params: { path: repositoryPathParams(location) },
          body: { description },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: artifactKeys.repositoryDetail(location) }),
  });
}
