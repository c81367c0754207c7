import type { HarborListParams } from '../../../shared/list/list-state';
import type { RepositoryLocation } from './paths';

/** TanStack Query keys of the artifacts feature, nested per repository so one invalidation refreshes all of it. */
export const artifactKeys = {
  all: ['artifacts'] as const,
  repository: (location: RepositoryLocation) => [...artifactKeys.all, location.projectId, location.repository] as const,
  repositoryDetail: (location: RepositoryLocation) => [...artifactKeys.repository(location), 'detail'] as const,
  list: (location: RepositoryLocation, params: HarborListParams) =>
    [...artifactKeys.repository(location), 'list', params] as const,
  artifact: (location: RepositoryLocation, reference: string) =>
    [...artifactKeys.repository(location), 'artifact', reference] as const,
  manifest: (location: RepositoryLocation, reference: string) =>
    [...artifactKeys.artifact(location, reference), 'manifest'] as const,
  config: (location: RepositoryLocation, reference: string) =>
    [...artifactKeys.artifact(location, reference), 'config'] as const,
  buildHistory: (location: RepositoryLocation, reference: string) =>
    [...artifactKeys.artifact(location, reference), 'build-history'] as const,
  referrers: (location: RepositoryLocation, reference: string, params: HarborListParams) =>
    [...artifactKeys.artifact(location, reference), 'referrers', params] as const,
};
