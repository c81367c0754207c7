import { DataTable, type DataTableColumn, SearchInput } from '@berth/console-ui';
import { Anchor, EmptyState, Group, Text, Tooltip } from '@mantine/core';
import { IconBox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../../shared/format';
import { toHarborParams } from '../../../shared/list/list-state';
import { listTableProps } from '../../../shared/list/list-table';
import { useListState } from '../../../shared/list/use-list-state';
import { NoMatches } from '../../../shared/list/no-matches';
import { repositoryPath } from '../../artifacts/pages/repository-route';
import { useSystemInfo } from '../../system/api/queries';
import { repositoryListQuery } from '../api/queries';
import type { Repository } from '../../../shared/api/types';
import { PushCommand } from '../components/push-command';
import { useProjectContext } from './project-context';

/** Columns of GET /projects/{p}/repositories the list sorts by, as Harbor's. */
const SORTABLE = ['name', 'creation_time', 'update_time'] as const;

/** The repository name without the project prefix (`team-a/api` → `api`). */
function shortName(repository: Repository, projectName: string): string {
  const prefix = `${projectName}/`;
  return repository.name.startsWith(prefix) ? repository.name.slice(prefix.length) : repository.name;
}

/** The Repositories tab: search, server paging, description, artifacts, pulls and last push; the push command when empty. */
export function ProjectRepositoriesTab() {
  const { project } = useProjectContext();
  const list = useListState({ sortable: SORTABLE, defaultSort: 'name' });
  const repositories = useQuery(repositoryListQuery(project.project_id, toHarborParams(list.state, 'name')));
  const systemInfo = useSystemInfo();

  const columns: DataTableColumn<Repository>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'name',
      render: (repository) => (
        <Anchor
          component={Link}
          to={repositoryPath(project.project_id, shortName(repository, project.name))}
          fw={500}
          size="sm"
        >
          {shortName(repository, project.name)}
        </Anchor>
      ),
    },
    {
      key: 'description',
      header: 'Description',
      render: (repository) => (
        <Text size="sm" c={repository.description ? undefined : 'dimmed'} lineClamp={2}>
          {repository.description || '—'}
        </Text>
      ),
    },
    { key: 'artifacts', header: 'Artifacts', align: 'right', render: (repository) => repository.artifact_count },
    { key: 'pulls', header: 'Pulls', align: 'right', render: (repository) => repository.pull_count },
    {
      key: 'pushed',
      header: 'Last push',
      sortField: 'update_time',
      render: (repository) => (
        <Tooltip label={formatDateTime(repository.update_time)}>
          <Text size="sm" component="time" dateTime={repository.update_time}>
            {formatRelative(repository.update_time)}
          </Text>
        </Tooltip>
      ),
    },
  ];

  const searching = list.state.search.trim() !== '';
  return (
    <>
      <Group mb="sm">
        <SearchInput label="Search repositories" value={list.state.search} onSearch={list.setSearch} />
      </Group>
      <DataTable
        label="Repositories"
        columns={columns}
        rowKey={(repository) => repository.id}
        {...listTableProps(list, repositories)}
        empty={
          searching ? (
            <NoMatches
              title="No repositories match"
              description={`Nothing in ${project.name} matches “${list.state.search}”.`}
              onClear={() => list.setSearch('')}
            />
          ) : (
            <EmptyState
              icon={<IconBox size={28} />}
              title="No repositories yet"
              description="Repositories appear here when the first image is pushed."
              size="sm"
            >
              {systemInfo.data ? (
                <PushCommand registryUrl={systemInfo.data.registry_url} projectName={project.name} />
              ) : null}
            </EmptyState>
          )
        }
      />
    </>
  );
}
