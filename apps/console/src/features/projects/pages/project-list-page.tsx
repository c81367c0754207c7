import { DataTable, type DataTableColumn, PageHeader, SearchInput } from '@berth/console-ui';
import { Action, ProjectResource, SystemResource } from '@berth/rbac';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  SegmentedControl,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFolderPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { canInProject } from '../../../shared/access/project-access';
import { roleLabel } from '../../../shared/access/roles';
import { usePermissions } from '../../../shared/access/use-permissions';
import { formatDateTime } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { NoMatches } from '../../../shared/list/no-matches';
import { useListState } from '../../../shared/list/use-list-state';
import { useSession } from '../../auth/session/session-context';
import { projectListQuery } from '../api/queries';
import type { Project } from '../../../shared/api/types';
import { CreateProjectModal } from '../components/create-project-modal';
import { QuotaUsage } from '../components/quota-usage';
import { useConfirmDeleteProject } from '../components/use-confirm-delete-project';

/** Columns of GET /projects the list sorts by (core-api's PROJECT_LIST). */
const SORTABLE = ['name', 'creation_time', 'update_time'] as const;
const VISIBILITY = [
  { value: '', label: 'All' },
  { value: 'true', label: 'Public' },
  { value: 'false', label: 'Private' },
];

/** The Projects page: searchable, server-paged list with publicity, repositories, quota use, create and delete. */
export function ProjectListPage() {
  const session = useSession();
  const list = useListState({ sortable: SORTABLE, defaultSort: 'name', filters: ['public'] });
  const visibility = list.state.filters['public'];
  const projects = useQuery(
    projectListQuery(
      toHarborParams(list.state, 'name'),
      visibility === 'true' || visibility === 'false' ? visibility : undefined,
    ),
  );
  const [creating, createModal] = useDisclosure(false);
  const confirmDelete = useConfirmDeleteProject();
  const system = usePermissions('system');
  const mayCreate = system.can(SystemResource.Project, Action.Create);
  const filtered = list.state.search.trim() !== '' || list.state.filters['public'] !== undefined;

  const columns: DataTableColumn<Project>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'name',
      render: (project) => (
        <Anchor component={Link} to={`/projects/${project.project_id}`} fw={500}>
          {project.name}
        </Anchor>
      ),
    },
    {
      key: 'access',
      header: 'Access',
      render: (project) =>
        project.metadata.public === 'true' ? (
          <Badge color="teal" variant="dot">
            Public
          </Badge>
        ) : (
          <Badge color="gray" variant="dot">
            Private
          </Badge>
        ),
    },
    {
      key: 'role',
      header: 'Your role',
      render: (project) => (
        <Text size="sm">{project.current_user_role_id ? roleLabel(project.current_user_role_id) : '—'}</Text>
      ),
    },
    { key: 'repos', header: 'Repositories', align: 'right', render: (project) => project.repo_count },
    {
      key: 'quota',
      header: 'Quota used',
      render: (project) => (
        <QuotaUsage
          quota={{ hard: { storage: project.storage_limit }, used: { storage: project.storage_used } }}
          compact
        />
      ),
    },
    {
      key: 'created',
      header: 'Created',
      sortField: 'creation_time',
      render: (project) => <Text size="sm">{formatDateTime(project.creation_time)}</Text>,
    },
    {
      key: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      align: 'right',
      width: 56,
      render: (project) =>
        canInProject(session, project.current_user_role_ids, ProjectResource.Project, Action.Delete) ? (
          <Tooltip label={`Delete ${project.name}`}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete project ${project.name}`}
              onClick={() => confirmDelete(project)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="Projects"
        description="Projects hold repositories and decide who may push and pull them."
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              New project
            </Button>
          ) : null
        }
      />
      <Group mb="sm" gap="sm">
        <SearchInput label="Search projects" value={list.state.search} onSearch={list.setSearch} />
        <SegmentedControl
          aria-label="Access"
          data={VISIBILITY}
          value={list.state.filters['public'] ?? ''}
          onChange={(value) => list.setFilter('public', value || undefined)}
        />
      </Group>
      <DataTable
        label="Projects"
        columns={columns}
        rowKey={(project) => project.project_id}
        {...listTableProps(list, projects)}
        empty={
          filtered ? (
            <NoMatches
              title="No projects match"
              description="Try another search, or show all projects."
              onClear={list.clearFilters}
              clearLabel="Clear filters"
            />
          ) : (
            <EmptyState
              icon={<IconFolderPlus size={28} />}
              title="No projects yet"
              description={
                mayCreate
                  ? 'Create a project to push your first images into it.'
                  : 'Ask an administrator to add you to a project.'
              }
              size="sm"
            >
              {mayCreate ? (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={createModal.open}>
                  New project
                </Button>
              ) : null}
            </EmptyState>
          )
        }
      />
      <CreateProjectModal opened={creating} onClose={createModal.close} />
    </>
  );
}
