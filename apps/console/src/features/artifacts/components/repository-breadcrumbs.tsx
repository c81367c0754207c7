import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RepositoryLocation } from '../api/paths';
import { repositoryPath } from '../pages/repository-route';

/** The trail above a repository's screens: Projects › project › repository (› artifact). */
export function RepositoryBreadcrumbs({ location, current }: { location: RepositoryLocation; current?: string }) {
  const items = [
    <Anchor key="projects" component={Link} to="/projects" size="sm">
      Projects
    </Anchor>,
    <Anchor key="project" component={Link} to={`/projects/${location.projectId}/repositories`} size="sm">
      {location.projectName}
    </Anchor>,
    current === undefined ? (
      <Text key="repository" size="sm" aria-current="page">
        {location.repository}
      </Text>
    ) : (
      <Anchor key="repository" component={Link} to={repositoryPath(location.projectId, location.repository)} size="sm">
        {location.repository}
      </Anchor>
    ),
  ];
  if (current !== undefined) {
    items.push(
      <Text key="current" size="sm" aria-current="page">
        {current}
      </Text>,
    );
  }
  return (
    <nav aria-label="Breadcrumb">
      <Breadcrumbs>{items}</Breadcrumbs>
    </nav>
  );
}
