import { PageHeader } from '@berth/console-ui';
import type { ProjectRole } from '@berth/rbac';
import { Anchor, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { type PermissionsHandle, usePermissions } from '../../../shared/access/use-permissions';
import { ErrorMessage } from '../../../shared/ui/query-state';
import { projectQuery } from '../../projects/api/queries';
import type { Project } from '../../../shared/api/types';
import type { RepositoryLocation } from '../api/paths';

/** What a repository's screens get once the project is loaded. */
export interface RepositoryRouteContext {
  project: Project;
  location: RepositoryLocation;
  /** The repository's full name, project included (`team-a/api`). */
  repositoryName: string;
  permissions: PermissionsHandle;
}

/** The console's path of a repository's page; the name below the project is one encoded path segment. */
export function repositoryPath(projectId: number, repository: string): string {
  return `/projects/${projectId}/repositories/${encodeURIComponent(repository)}`;
}

/** The console's path of an artifact's page, by digest (or tag). */
export function artifactPath(projectId: number, repository: string, reference: string): string {
  return `${repositoryPath(projectId, repository)}/artifacts/${encodeURIComponent(reference)}`;
}

/** Says that the project or repository cannot be shown, with a way back. */
export function NotFound({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  return (
    <Stack>
      <PageHeader title={title} description="It does not exist, or you are not a member of its project." />
      <Anchor component={Link} to={back}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}

/**
 * Reads the project and repository of a repository route (`/projects/:projectId/repositories/:repositoryName/…`),
 * loads the project and the user's permissions in it, and renders `children` with them; not found, failure and
 * loading are shown here once for every repository screen.
 */
export function RepositoryRoute({ children }: { children: (context: RepositoryRouteContext) => ReactNode }) {
  const params = useParams();
  const projectId = Number(params['projectId']);
  const repository = params['repositoryName'] ?? '';
  const valid = Number.isInteger(projectId) && projectId > 0 && repository !== '';
  const project = useQuery({ ...projectQuery(projectId), enabled: valid });
  const permissions = usePermissions(project.data ? { projectId } : undefined, {
    roles: project.data?.current_user_role_ids as ProjectRole[] | undefined,
  });

  if (!valid || isApiError(project.error, HttpStatus.NotFound)) {
    return <NotFound title="Project not found" back="/projects" backLabel="Back to projects" />;
  }
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => void project.refetch()} />;
  if (project.isPending) {
    return (
      <Stack role="status" aria-label="Loading repository">
        <Skeleton height={28} width={280} />
        <Skeleton height={16} width={360} />
      </Stack>
    );
  }
  const location: RepositoryLocation = { projectId, projectName: project.data.name, repository };
  return (
    <>
      {children({
        project: project.data,
        location,
        repositoryName: `${project.data.name}/${repository}`,
        permissions,
      })}
    </>
  );
}
