import { type ProjectEntity, type RepositoryQuery, type RepositoryView } from '@berth/db';
import { isValidRepositoryName } from '@berth/oci';
import { RepositoriesException } from './repositories.exception';

/**
 * Turns the `repository_name` route parameter into the repository's full name. The parameter is the path after the
 * project, URL-encoded: Express has decoded it once, so `a%2Fb` arrives as `a/b`, and Harbor's double encoding
 * (`a%252Fb`) arrives as `a%2Fb`, which is decoded once more. Repository names never contain `%`, so the second
 * decoding cannot change a legitimate name.
 */
export function fullRepositoryName(project: Pick<ProjectEntity, 'name'>, param: string): string {
  let path = param;
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      throw new RepositoriesException('INVALID_NAME', `"${param}" is not a valid repository name`);
    }
  }
  const name = `${project.name}/${path}`;
  if (!isValidRepositoryName(name)) {
    throw new RepositoriesException('INVALID_NAME', `"${path}" is not a valid repository name`);
  }
  return name;
}

/** Finds a project's repository from the route parameter, 404 when it has none (or none holding an artifact). */
export async function findRepository(
  repositories: RepositoryQuery,
  project: ProjectEntity,
  param: string,
): Promise<RepositoryView> {
  const name = fullRepositoryName(project, param);
  const repository = await repositories.findInProject(project.id, name);
  if (!repository) throw new RepositoriesException('NOT_FOUND', `repository ${name} not found`);
  return repository;
}
