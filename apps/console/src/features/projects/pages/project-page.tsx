import { PageHeader } from '@berth/console-ui';
import { Action, ProjectResource, type ProjectRole } from '@berth/rbac';
import { Anchor, Badge, Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { HttpStatus, isApiError } from '../../../shared/api/api-error';
import { usePermissions } from '../../../shared/access/use-permissions';
import { ErrorMessage } from '../../../shared/ui/query-state';
import { projectQuery } from '../api/queries';
import { useConfirmDeleteProject } from '../components/use-confirm-delete-project';
import type { ProjectOutletContext } from './project-context';

/** The project page's tabs, each a child route; those with a permission show only to users who hold it. */
export const PROJECT_TABS: readonly { path: string; label: string; permission?: [ProjectResource, Action] }[] = [
  { path: 'summary', label: 'Summary' },
  { path: 'repositories', label: 'Repositories' },
  { path: 'members', label: 'Members' },
  { path: 'robots', label: 'Robot accounts', permission: [ProjectResource.Robot, Action.List] },
  { path: 'logs', label: 'Logs', permission: [ProjectResource.Log, Action.List] },
];

/** A project: its name, publicity and delete action above tabs for summary, repositories and members. */
export function ProjectPage() {
  const { projectId: idParam } = useParams();
  const projectId = Number(idParam);
  const navigate = useNavigate();
  const location = useLocation();
  const project = useQuery({ ...projectQuery(projectId), enabled: Number.isInteger(projectId) && projectId > 0 });
  const permissions = usePermissions(project.data ? { projectId } : undefined, {
    roles: project.data?.current_user_role_ids as ProjectRole[] | undefined,
  });
  const confirmDelete = useConfirmDeleteProject(() => navigate('/projects', { replace: true }));
  const tabs = PROJECT_TABS.filter((t) => !t.permission || permissions.can(...t.permission));
  const tab = PROJECT_TABS.find((t) => location.pathname.split('/').includes(t.path))?.path ?? 'summary';

  if (!Number.isInteger(projectId) || projectId <= 0 || isApiError(project.error, HttpStatus.NotFound)) {
    return (
      <Stack>
        <PageHeader title="Project not found" description="It does not exist, or you are not a member of it." />
        <Anchor component={Link} to="/projects">
          Back to projects
        </Anchor>
      </Stack>
    );
  }
  if (project.isError) return <ErrorMessage error={project.error} onRetry={() => void project.refetch()} />;
  if (project.isPending) {
    return (
      <Stack role="status" aria-label="Loading project">
        <Skeleton height={28} width={240} />
        <Skeleton height={16} width={360} />
      </Stack>
    );
  }

  const data = project.data;
  const context: ProjectOutletContext = { project: data, permissions };
  return (
    <>
      <Anchor component={Link} to="/projects" size="sm">
        ← Projects
      </Anchor>
      <PageHeader
        title={
          <Group gap="xs" component="span">
            {data.name}
            <Badge color={data.metadata.public === 'true' ? 'teal' : 'gray'} variant="dot">
              {data.metadata.public === 'true' ? 'Public' : 'Private'}
            </Badge>
          </Group>
        }
        description={data.owner_name ? `Created by ${data.owner_name}` : undefined}
        actions={
          permissions.can(ProjectResource.Project, Action.Delete) ? (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => confirmDelete(data)}
            >
              Delete project
            </Button>
          ) : null
        }
      />
      <Tabs value={tab} onChange={(next) => next && navigate(next)}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.path} value={t.path}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          <Outlet context={context} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
