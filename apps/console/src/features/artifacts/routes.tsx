import type { RouteObject } from 'react-router';
import { ArtifactPage } from './pages/artifact-page';
import { RepositoryPage } from './pages/repository-page';

/** The repository and artifact screens, below a project. */
export const artifactRoutes: RouteObject[] = [
  { path: 'projects/:projectId/repositories/:repositoryName', element: <RepositoryPage /> },
  { path: 'projects/:projectId/repositories/:repositoryName/artifacts/:reference', element: <ArtifactPage /> },
];
