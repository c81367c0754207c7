/** Where a repository lives: the project (id and name) and the repository's name without the project. */
export interface RepositoryLocation {
  projectId: number;
  projectName: string;
  /** The name below the project, e.g. `api` or `team/api`. */
  repository: string;
}

/**
 * The path parameters of a repository's routes. The repository name is encoded here and once more by the client,
 * as Harbor's double encoding (`team%252Fapi`), so no proxy on the way can turn its `/` into a path separator.
 */
export function repositoryPathParams(location: RepositoryLocation) {
  return {
    project_name_or_id: String(location.projectId),
    repository_name: encodeURIComponent(location.repository),
  };
}

/** The path parameters of one artifact's routes. */
export function artifactPathParams(location: RepositoryLocation, reference: string) {
  return { ...repositoryPathParams(location), reference };
}
