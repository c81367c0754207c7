import type { components } from '@berth/api-client';

/** An artifact (a manifest or an index) with its tags and, for an index, the manifests it lists. */
export type Artifact = components['schemas']['ArtifactResponseDto'];

/** A tag of an artifact. */
export type Tag = components['schemas']['TagDto'];

/** A manifest an index lists, with the platform it is for. */
export type ArtifactReference = components['schemas']['ReferenceDto'];

/** The platform of an index entry. */
export type Platform = components['schemas']['PlatformDto'];

/** One step of an image's build, from its config's history. */
export type BuildHistoryEntry = components['schemas']['BuildHistoryEntryDto'];

/** A repository of a project; `name` includes the project (`team-a/api`). */
export type RepositoryDetail = components['schemas']['RepositoryResponseDto'];

/** A JSON document as the API answers it (a manifest or a config). */
export type JsonDocument = Record<string, unknown>;

/** Where a repository lives: the project (id and name) and the repository's name without the project. */
export interface RepositoryLocation {
  projectId: number;
  projectName: string;
  /** The name below the project, e.g. `api` or `team/api`. */
  repository: string;
}
