import {
  ARTIFACT_LIST_FIELDS,
  ArtifactQuery,
  type ArtifactView,
  type ProjectEntity,
  ProjectRepository,
  RepositoryQuery,
  type RepositoryView,
} from '@berth/db';
import {
  IMAGE_CONFIG_MEDIA_TYPES,
  INDEX_MEDIA_TYPES,
  parseManifest,
  parseManifestReference,
  referencedBlobs,
  referencedManifests,
} from '@berth/oci';
import { Action, ProjectResource } from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../../common/auth/access.service';
import { type Actor } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { findRepository, fullRepositoryName } from '../repositories/repository-name';
import { type ARTIFACT_LIST, type REFERRER_LIST } from './artifact-list.query';
import { parseCopySource } from './copy-source';
import { ArtifactsException, toRegistryException } from './artifacts.exception';
import { type ArtifactResponseDto, type BuildHistoryEntryDto, type TagDto } from './dto/artifact.dto';
import { RegistryClient } from './registry.client';

/** Harbor's media type of a Helm chart's config, which makes an artifact a CHART. */
const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';

/**
 * Most bytes of a config blob core-api reads into memory to show it: 4 MiB, the manifest limit of distribution and
 * of our registry. Image configs are a few KiB; one with thousands of history steps stays far below this.
 */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** Deepest index nesting a copy follows: indexes of indexes exist, deeper chains are malformed or hostile. */
const MAX_COPY_DEPTH = 4;

/**
 * Artifact use cases. Reads come from Postgres; every change goes through the registry's OCI API (the one writer of
 * manifests and tags): delete = DELETE by digest, add a tag = GET by digest + PUT by tag, remove a tag = DELETE by
 * tag, copy = cross-repository blob mounts + manifest PUTs, the manifests an index lists first.
 */
@Injectable()
export class ArtifactsService {
  constructor(
    private readonly artifacts: ArtifactQuery,
    private readonly repositories: RepositoryQuery,
    private readonly projects: ProjectRepository,
    private readonly registry: RegistryClient,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Lists a repository's artifacts with their tags (unless `withTag` is false) and an index's references. */
  async list(
    project: ProjectEntity,
    param: string,
    query: ListQueryOf<typeof ARTIFACT_LIST>,
    withTag: boolean,
  ): Promise<Page<ArtifactResponseDto>> {
    const repository = await findRepository(this.repositories, project, param);
    const page = await this.artifacts.list(repository.id, (qb) =>
      applyListQuery(qb, query, ARTIFACT_LIST_FIELDS, { tieBreaker: 'm.id' }),
    );
    return { total: page.total, items: await this.toDtos(project, repository, page.items, withTag) };
  }

  /** Shows one artifact by digest or tag. */
  async get(project: ProjectEntity, param: string, reference: string, withTag: boolean): Promise<ArtifactResponseDto> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    return (await this.toDtos(project, repository, [artifact], withTag))[0]!;
  }

  /** Returns an artifact's manifest (or index) as JSON, from the bytes the registry stored at push. */
  async manifest(project: ProjectEntity, param: string, reference: string): Promise<Record<string, unknown>> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    const content = await this.artifacts.contentOf(artifact.id);
    if (!content) throw new ArtifactsException('ARTIFACT_NOT_FOUND', `artifact ${artifact.digest} not found`);
    // The registry validated the body as a JSON object at push, so this parse cannot fail on a stored manifest.
    return JSON.parse(content.toString('utf8')) as Record<string, unknown>;
  }

  /** Returns an image's config blob as JSON, read through the registry; 404 for an index or a manifest without one. */
  async config(project: ProjectEntity, param: string, reference: string): Promise<Record<string, unknown>> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    return this.readConfig(repository, artifact);
  }

  /** Returns the build steps recorded in an image's config (`history`), as Harbor's build_history addition. */
  async buildHistory(project: ProjectEntity, param: string, reference: string): Promise<BuildHistoryEntryDto[]> {
    const config = await this.config(project, param, reference);
    const history = config['history'];
    if (!Array.isArray(history)) return [];
    return history.filter((step): step is BuildHistoryEntryDto => typeof step === 'object' && step !== null);
  }

  /** Lists the artifacts whose subject is this one (signatures, SBOMs, attestations), paged. */
  async referrers(
    project: ProjectEntity,
    param: string,
    reference: string,
    query: ListQueryOf<typeof REFERRER_LIST>,
    withTag: boolean,
  ): Promise<Page<ArtifactResponseDto>> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    const page = await this.artifacts.referrers(repository.id, artifact.digest, (qb) =>
      applyListQuery(qb, query, ARTIFACT_LIST_FIELDS, { tieBreaker: 'm.id' }),
    );
    return { total: page.total, items: await this.toDtos(project, repository, page.items, withTag) };
  }

  /**
   * Deletes an artifact with its tags. For an index, the manifests it listed go too unless tagged or listed by
   * another index (the registry refuses those), as Harbor deletes an index's children with it.
   */
  async delete(actor: Actor, project: ProjectEntity, param: string, reference: string): Promise<void> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    const children = (await this.artifacts.referencesOf([artifact.id])).get(artifact.id) ?? [];
    await this.callRegistry(() => this.registry.deleteManifest(repository.name, artifact.digest));
    const childTags = await this.artifacts.tagsOf(children.map((c) => c.childId));
    for (const child of children) {
      if (childTags.has(child.childId)) continue;
      // Still listed by another index: the registry answers 409 and the child stays, as it should.
      await this.registry.deleteManifest(repository.name, child.childDigest).catch(() => false);
    }
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'artifact',
      resource: `${repository.name}@${artifact.digest}`,
      projectId: project.id,
    });
  }

  /** Tags an artifact; 409 when the repository already has that tag. */
  async addTag(actor: Actor, project: ProjectEntity, param: string, reference: string, tag: string): Promise<void> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    if (await this.artifacts.findTag(repository.id, tag)) {
      throw new ArtifactsException('TAG_EXISTS', `repository ${repository.name} already has a tag ${tag}`);
    }
    await this.callRegistry(async () => {
      const manifest = await this.registry.getManifest(repository.name, artifact.digest);
      if (!manifest) throw new ArtifactsException('ARTIFACT_NOT_FOUND', `artifact ${artifact.digest} not found`);
      await this.registry.putManifest(repository.name, tag, manifest.body, artifact.manifestMediaType);
    });
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'tag',
      resource: `${repository.name}:${tag}`,
      projectId: project.id,
      detail: { digest: artifact.digest },
    });
  }

  /** Removes a tag of an artifact; the artifact stays. */
  async deleteTag(actor: Actor, project: ProjectEntity, param: string, reference: string, tag: string): Promise<void> {
    const repository = await findRepository(this.repositories, project, param);
    const artifact = await this.resolve(repository, reference);
    const found = await this.artifacts.findTag(repository.id, tag);
    if (!found || found.manifestId !== artifact.id) {
      throw new ArtifactsException('TAG_NOT_FOUND', `artifact ${artifact.digest} has no tag ${tag}`);
    }
    const deleted = await this.callRegistry(() => this.registry.deleteManifest(repository.name, tag));
    if (!deleted) throw new ArtifactsException('TAG_NOT_FOUND', `artifact ${artifact.digest} has no tag ${tag}`);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'tag',
      resource: `${repository.name}:${tag}`,
      projectId: project.id,
      detail: { digest: artifact.digest },
    });
  }

  /**
   * Copies an artifact from another repository (which the caller must be able to pull from) into this one, with the
   * source artifact's tags; returns the copied digest.
   */
  async copy(actor: Actor, project: ProjectEntity, param: string, from: string | undefined): Promise<string> {
    const target = fullRepositoryName(project, param);
    const source = parseCopySource(from);
    const sourceProject = await this.projects.findByName(source.projectName);
    const readable =
      sourceProject && (await this.access.can(actor.principal, sourceProject, ProjectResource.Repository, Action.Pull));
    const sourceRepository = readable
      ? await this.repositories.findInProject(sourceProject.id, source.repository)
      : undefined;
    // The same answer whether the source is missing or hidden, so private projects do not leak.
    if (!sourceRepository) throw new ArtifactsException('SOURCE_NOT_FOUND', `${from ?? ''} not found`);
    const artifact = await this.resolve(sourceRepository, source.reference);
    const tags = (await this.artifacts.tagsOf([artifact.id])).get(artifact.id) ?? [];
    await this.callRegistry(async () => {
      await this.copyManifest(sourceRepository.name, target, artifact.digest, 0);
      const manifest = await this.registry.getManifest(target, artifact.digest);
      if (!manifest) throw new ArtifactsException('ARTIFACT_NOT_FOUND', `artifact ${artifact.digest} not found`);
      for (const tag of tags)
        await this.registry.putManifest(target, tag.name, manifest.body, artifact.manifestMediaType);
    });
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'artifact',
      resource: `${target}@${artifact.digest}`,
      projectId: project.id,
      detail: { copied_from: `${sourceRepository.name}@${artifact.digest}`, tags: tags.map((t) => t.name) },
    });
    return artifact.digest;
  }

  /** Copies one manifest by digest: the manifests it lists first, then its blobs by mount, then itself. */
  private async copyManifest(from: string, to: string, digest: string, depth: number): Promise<void> {
    if (depth > MAX_COPY_DEPTH) {
      throw new ArtifactsException('INVALID_SOURCE', `indexes nest deeper than ${MAX_COPY_DEPTH} levels`);
    }
    const fetched = await this.registry.getManifest(from, digest);
    if (!fetched) throw new ArtifactsException('SOURCE_NOT_FOUND', `${from}@${digest} not found`);
    const parsed = parseManifest(fetched.body.toString('utf8'), fetched.mediaType);
    if (!parsed.ok)
      throw new ArtifactsException('INVALID_SOURCE', `${from}@${digest} is not a manifest core-api can copy`);
    for (const child of referencedManifests(parsed.manifest))
      await this.copyManifest(from, to, child.digest, depth + 1);
    for (const blob of referencedBlobs(parsed.manifest)) {
      if (!(await this.registry.mountBlob(to, blob.digest, from))) {
        throw new ArtifactsException('SOURCE_NOT_FOUND', `blob ${blob.digest} of ${from}@${digest} is missing`);
      }
    }
    await this.registry.putManifest(to, digest, fetched.body, fetched.mediaType);
  }

  /** Finds an artifact of a repository by digest or tag. */
  private async resolve(repository: RepositoryView, reference: string): Promise<ArtifactView> {
    const parsed = parseManifestReference(reference);
    if (!parsed.ok) throw new ArtifactsException('INVALID_REFERENCE', `"${reference}" is neither a digest nor a tag`);
    const artifact =
      parsed.reference.kind === 'digest'
        ? await this.artifacts.findByDigest(repository.id, parsed.reference.digest.value)
        : await this.artifacts.findByTag(repository.id, parsed.reference.tag);
    if (!artifact)
      throw new ArtifactsException('ARTIFACT_NOT_FOUND', `artifact ${repository.name}:${reference} not found`);
    return artifact;
  }

  /** Reads and parses an artifact's config blob, at most MAX_CONFIG_BYTES. */
  private async readConfig(repository: RepositoryView, artifact: ArtifactView): Promise<Record<string, unknown>> {
    if (!artifact.configDigest) {
      throw new ArtifactsException(
        'CONFIG_NOT_FOUND',
        `artifact ${artifact.digest} has no config: an index lists manifests, each with its own`,
      );
    }
    const digest = artifact.configDigest;
    if (artifact.configSize !== null && artifact.configSize > MAX_CONFIG_BYTES) {
      throw new ArtifactsException(
        'CONFIG_UNREADABLE',
        `the config ${digest} is ${artifact.configSize} bytes, more than the ${MAX_CONFIG_BYTES} shown`,
      );
    }
    const body = await this.callRegistry(() => this.registry.getBlob(repository.name, digest, MAX_CONFIG_BYTES));
    if (!body) throw new ArtifactsException('CONFIG_NOT_FOUND', `the config ${digest} is not in the registry`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ArtifactsException('CONFIG_UNREADABLE', `the config ${digest} is not JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ArtifactsException('CONFIG_UNREADABLE', `the config ${digest} is not a JSON object`);
    }
    return parsed as Record<string, unknown>;
  }

  /** Runs registry calls, mapping their failures onto the API's answers. */
  private async callRegistry<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw toRegistryException(err);
    }
  }

  /** Shapes artifacts for the API, with tags and references loaded for the whole page at once. */
  private async toDtos(
    project: ProjectEntity,
    repository: RepositoryView,
    artifacts: ArtifactView[],
    withTag: boolean,
  ): Promise<ArtifactResponseDto[]> {
    const ids = artifacts.map((a) => a.id);
    const [tags, references] = await Promise.all([
      withTag ? this.artifacts.tagsOf(ids) : Promise.resolve(new Map<number, never[]>()),
      this.artifacts.referencesOf(ids),
    ]);
    return artifacts.map((artifact) => {
      const isIndex = INDEX_MEDIA_TYPES.includes(artifact.manifestMediaType);
      const tagDtos: TagDto[] | null = withTag
        ? (tags.get(artifact.id) ?? []).map((tag) => ({
            id: tag.id,
            repository_id: repository.id,
            artifact_id: artifact.id,
            name: tag.name,
            push_time: tag.pushedAt.toISOString(),
            immutable: false,
          }))
        : null;
      const refs = references.get(artifact.id);
      return {
        id: artifact.id,
        type: artifactKind(artifact, isIndex),
        // The config's media type as its blob row knows it, else the registry's artifact type (the config's media type
        // unless the manifest sets OCI 1.1 artifactType).
        media_type: isIndex
          ? artifact.manifestMediaType
          : (artifact.configMediaType ?? artifact.artifactType ?? artifact.manifestMediaType),
        manifest_media_type: artifact.manifestMediaType,
        artifact_type: artifact.artifactType,
        project_id: project.id,
        repository_id: repository.id,
        repository_name: repository.name,
        digest: artifact.digest,
        size: artifact.size,
        subject_digest: artifact.subjectDigest,
        push_time: artifact.pushedAt.toISOString(),
        pull_time: artifact.pulledAt ? artifact.pulledAt.toISOString() : null,
        annotations: artifact.annotations,
        tags: tagDtos,
        references: refs
          ? refs.map((ref) => ({
              parent_id: ref.parentId,
              child_id: ref.childId,
              child_digest: ref.childDigest,
              child_media_type: ref.childMediaType,
              child_size: ref.childSize,
              platform: ref.platform,
            }))
          : null,
      };
    });
  }
}

/** Harbor's artifact type: IMAGE for images and indexes, CHART for Helm charts, UNKNOWN otherwise. */
function artifactKind(artifact: ArtifactView, isIndex: boolean): string {
  const configType = artifact.configMediaType ?? artifact.artifactType;
  if (isIndex || (configType !== null && IMAGE_CONFIG_MEDIA_TYPES.includes(configType))) return 'IMAGE';
  if (configType === HELM_CONFIG_MEDIA_TYPE) return 'CHART';
  return 'UNKNOWN';
}
