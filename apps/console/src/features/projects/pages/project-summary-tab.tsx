import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Action, ProjectResource, ProjectRole } from '@berth/rbac';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '../../../shared/access/roles';
import { formatDateTime } from '../../../shared/format';
import { ErrorMessage } from '../../../shared/ui/query-state';
import { projectSummaryQuery } from '../api/queries';
import type { ProjectSummary } from '../../../shared/api/types';
import { ProjectSettingsForm } from '../components/project-settings-form';
import { QuotaUsage } from '../components/quota-usage';
import { useProjectContext } from './project-context';

const MEMBER_COUNTS: [ProjectRole, keyof ProjectSummary][] = [
  [ProjectRole.ProjectAdmin, 'project_admin_count'],
  [ProjectRole.Maintainer, 'maintainer_count'],
  [ProjectRole.Developer, 'developer_count'],
  [ProjectRole.Guest, 'guest_count'],
  [ProjectRole.LimitedGuest, 'limited_guest_count'],
];

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `summary-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" mb="xs" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The Summary tab: repositories, members per role, quota and the project's facts; its settings for project admins. */
export function ProjectSummaryTab() {
  const { project, permissions } = useProjectContext();
  const summary = useQuery(projectSummaryQuery(project.project_id));
  if (summary.isError) return <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <Card title="Repositories">
        {data ? (
          <Text size="xl" fw={600}>
            {data.repo_count}
          </Text>
        ) : (
          <Skeleton height={24} width={40} />
        )}
      </Card>
      <Card title="Members">
        {data ? (
          <Stack gap={2}>
            {MEMBER_COUNTS.map(([role, key]) => (
              <Text size="sm" key={role}>
                {ROLE_LABELS[role]}: <strong>{String(data[key] ?? 0)}</strong>
              </Text>
            ))}
          </Stack>
        ) : (
          <Skeleton height={60} />
        )}
      </Card>
      <Card title="Storage quota">{data ? <QuotaUsage quota={data.quota} /> : <Skeleton height={24} />}</Card>
      <Card title="About">
        <Stack gap={2}>
          <Text size="sm">Access: {project.metadata.public === 'true' ? 'public' : 'private'}</Text>
          <Text size="sm">Owner: {project.owner_name ?? '—'}</Text>
          <Text size="sm">Created: {formatDateTime(project.creation_time)}</Text>
        </Stack>
      </Card>
      {permissions.can(ProjectResource.Project, Action.Update) ? (
        <Card title="Settings">
          {/* Keyed on the update time, so a change saved elsewhere resets the form to what is stored. */}
          <ProjectSettingsForm key={project.update_time} project={project} />
        </Card>
      ) : null}
    </SimpleGrid>
  );
}
