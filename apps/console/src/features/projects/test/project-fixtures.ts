import type { Project } from '../../../shared/api/types';

/** A private project `team-a` (id 2) the test user administers, with no quota; override what the test is about. */
export function projectFixture(overrides: Partial<Project> = {}): Project {
  return {
    project_id: 2,
    name: 'team-a',
    owner_id: 1,
    owner_name: 'admin',
    metadata: { public: 'false' },
    repo_count: 0,
    chart_count: 0,
    storage_limit: -1,
    storage_used: 0,
    current_user_role_id: 1,
    current_user_role_ids: [1],
    togglable: true,
    deleted: false,
    creation_time: '2025-01-02T03:04:05Z',
    update_time: '2025-01-02T03:04:05Z',
    ...overrides,
  };
}
