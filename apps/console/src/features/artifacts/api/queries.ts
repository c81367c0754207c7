import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { berthClient, type ListPage, unwrap, unwrapList } from '../../../shared/api/client';
import type { HarborListParams } from '../../../shared/list/list-state';
import { artifactKeys } from './keys';
import { artifactPathParams, type RepositoryLocation, repositoryPathParams } from './paths';
import type { Artifact, BuildHistoryEntry, JsonDocument, Repository } from '../../../shared/api/types';

/** Describes `GET /projects/{p}/repositories/{r}`. */
export const repositoryQuery = (location: RepositoryLocation) =>
  queryOptions({
    queryKey: artifactKeys.repositoryDetail(location),
    queryFn: async ({ signal }): Promise<Repository> =>
      unwrap(
        await berthClient.GET('/projects/{project_name_or_id}/repositories/{repository_name}', {
          params: { path: repositoryPathParams(location) },
          signal,
        }),
      ),
  });

/** Describes one page of `GET …/artifacts`, with tags. */
export const artifactListQuery = (location: RepositoryLocation, params: HarborListParams) =>
  queryOptions({
    queryKey: artifactKeys.list(location, params),
    queryFn: async ({ signal }): Promise<ListPage<Artifact>> =>
      unwrapList(
        await berthClient.GET('/projects/{project_name_or_id}/repositories/{repository_name}/artifacts', {
          params: {
            path: repositoryPathParams(location),
            query: params,
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Describes `GET …/artifacts/{reference}`. */
export const artifactQuery = (location: RepositoryLocation, reference: string) =>
  queryOptions({
    queryKey: artifactKeys.artifact(location, reference),
    queryFn: async ({ signal }): Promise<Artifact> =>
      unwrap(
        await berthClient.GET('/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}', {
          params: { path: artifactPathParams(location, reference) },
          signal,
        }),
      ),
  });

/** Describes `GET …/artifacts/{reference}/manifest`: the manifest or index as pushed. */
export const manifestQuery = (location: RepositoryLocation, reference: string) =>
  queryOptions({
    queryKey: artifactKeys.manifest(location, reference),
    queryFn: async ({ signal }): Promise<JsonDocument> =>
      unwrap(
        await berthClient.GET(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/manifest',
          { params: { path: artifactPathParams(location, reference) }, signal },
        ),
      ),
    // A manifest never changes under its digest.
    staleTime: Infinity,
  });

/** Describes `GET …/artifacts/{reference}/config`: the image's config blob. */
export const configQuery = (location: RepositoryLocation, reference: string) =>
  queryOptions({
    queryKey: artifactKeys.config(location, reference),
    queryFn: async ({ signal }): Promise<JsonDocument> =>
      unwrap(
        await berthClient.GET(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/config',
          { params: { path: artifactPathParams(location, reference) }, signal },
        ),
      ),
    staleTime: Infinity,
  });

/** Describes `GET …/artifacts/{reference}/additions/build_history`. */
export const buildHistoryQuery = (location: RepositoryLocation, reference: string) =>
  queryOptions({
    queryKey: artifactKeys.buildHistory(location, reference),
    queryFn: async ({ signal }): Promise<BuildHistoryEntry[]> =>
      unwrap(
        await berthClient.GET(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/additions/build_history',
          { params: { path: artifactPathParams(location, reference) }, signal },
        ),
      ),
    staleTime: Infinity,
  });

/** Describes one page of `GET …/artifacts/{reference}/referrers`, ordered by artifact type. */
export const referrerListQuery = (location: RepositoryLocation, reference: string, params: HarborListParams) =>
  queryOptions({
    queryKey: artifactKeys.referrers(location, reference, params),
    queryFn: async ({ signal }): Promise<ListPage<Artifact>> =>
      unwrapList(
        await berthClient.GET(
          '/projects/{project_name_or_id}/repositories/{repository_name}/artifacts/{reference}/referrers',
          {
            params: {
              path: artifactPathParams(location, reference),
              query: params,
            },
            signal,
          },
        ),
      ),
    placeholderData: keepPreviousData,
  });
