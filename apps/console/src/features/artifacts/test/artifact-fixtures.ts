import { vi } from 'vitest';
import { testUser } from '../../../shared/test/render';
import type { Artifact, Project } from '../../../shared/api/types';
import { projectFixture as baseProject } from '../../projects/test/project-fixtures';

/** A digest of 64 copies of one hex character. */
export const digestOf = (c: string) => `sha256:${c.repeat(64)}`;

/** The API path of the nested repository `team-a/team/api` of project 2, as the console encodes it. */
export const REPO_API = '/api/v2.0/projects/2/repositories/team%252Fapi';

/** A project for the artifact screens; override the role to test what other users see. */
export function projectFixture(roleIds: number[] = [1]): Project {
  return baseProject({ repo_count: 1, current_user_role_id: roleIds[0] ?? 0, current_user_role_ids: roleIds });
}

/** An image artifact of `team-a/team/api`. */
export function imageFixture(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: 11,
    type: 'IMAGE',
    media_type: 'application/vnd.oci.image.config.v1+json',
    manifest_media_type: 'application/vnd.oci.image.manifest.v1+json',
    artifact_type: 'application/vnd.oci.image.config.v1+json',
    project_id: 2,
    repository_id: 5,
    repository_name: 'team-a/team/api',
    digest: digestOf('a'),
    size: 3 * 1024 * 1024,
    subject_digest: null,
    push_time: '2025-03-01T10:00:00Z',
    pull_time: null,
    annotations: null,
    tags: [
      { id: 1, repository_id: 5, artifact_id: 11, name: 'v1', push_time: '2025-03-01T10:00:00Z', immutable: false },
      { id: 2, repository_id: 5, artifact_id: 11, name: 'latest', push_time: '2025-03-01T10:00:00Z', immutable: false },
    ],
    references: null,
    ...overrides,
  };
}

/** A two-platform index of `team-a/team/api`. */
export function indexFixture(): Artifact {
  return imageFixture({
    id: 12,
    type: 'IMAGE',
    media_type: 'application/vnd.oci.image.index.v1+json',
    manifest_media_type: 'application/vnd.oci.image.index.v1+json',
    artifact_type: null,
    digest: digestOf('b'),
    size: 6 * 1024 * 1024,
    pull_time: '2025-03-02T10:00:00Z',
    tags: [
      { id: 3, repository_id: 5, artifact_id: 12, name: 'multi', push_time: '2025-03-01T10:00:00Z', immutable: false },
    ],
    references: [
      {
        parent_id: 12,
        child_id: 13,
        child_digest: digestOf('c'),
        child_media_type: 'application/vnd.oci.image.manifest.v1+json',
        child_size: 3 * 1024 * 1024,
        platform: { architecture: 'amd64', os: 'linux' },
      },
      {
        parent_id: 12,
        child_id: 14,
        child_digest: digestOf('d'),
        child_media_type: 'application/vnd.oci.image.manifest.v1+json',
        child_size: 2 * 1024 * 1024,
        platform: { architecture: 'arm64', os: 'linux', variant: 'v8' },
      },
    ],
  });
}

/** What every console screen asks first: system info, the session, permissions (404: fall back to roles). */
export const BASE_ROUTES = {
  'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'https://registry.example.test' } },
  'GET /api/v2.0/users/current': { body: testUser() },
  'GET /api/v2.0/users/current/permissions': { status: 404 },
};

/** Replaces the browser clipboard with a recorder; returns the mock of writeText. */
export function stubClipboard() {
  const writeText = vi.fn(async (_text: string) => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}
