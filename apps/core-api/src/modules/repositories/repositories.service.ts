import { type ProjectEntity, REPOSITORY_LIST_FIELDS, RepositoryQuery, type RepositoryView } from '@berth/db';
import { Injectable } from '@nestjs/common';
import { type Actor } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery } from '../../common/query';
import { RegistryClient } from '../artifacts/registry.client';
import { toRegistryException } from '../artifacts/artifacts.exception';
import { AuditService } from '../audit/audit.service';
import { type RepositoryResponseDto } from './dto/repository.dto';
import { type REPOSITORY_LIST } from './repository-list.query';
import { findRepository } from './repository-name';

/** Repository use cases: list, show, describe, delete (its manifests, through the registry). */
@Injectable()
export class RepositoriesService {
  constructor(
    private readonly repositories: RepositoryQuery,
    private readonly registry: RegistryClient,
    private readonly audit: AuditService,
  ) {}

  /** Lists a project's repositories. */
  async list(project: ProjectEntity, query: ListQueryOf<typeof REPOSITORY_LIST>): Promise<Page<RepositoryResponseDto>> {
    const page = await this.repositories.listInProject(project.id, (qb) =>
      applyListQuery(qb, query, REPOSITORY_LIST_FIELDS, { tieBreaker: 'r.id' }),
    );
    return { total: page.total, items: page.items.map(toRepositoryDto) };
  }

  /** Shows one repository. */
  async get(project: ProjectEntity, param: string): Promise<RepositoryResponseDto> {
    return toRepositoryDto(await findRepository(this.repositories, project, param));
  }

  /** Changes a repository's description. */
  async describe(actor: Actor, project: ProjectEntity, param: string, description: string): Promise<void> {
    const repository = await findRepository(this.repositories, project, param);
    await this.repositories.updateDescription(repository.id, description);
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'repository',
      resource: repository.name,
      projectId: project.id,
    });
  }

  /**
   * Deletes a repository: every manifest of it, indexes before what they list, through the registry, which removes
   * their tags with them. The emptied repository disappears from the API; its row goes with the project.
   */
  async delete(actor: Actor, project: ProjectEntity, param: string): Promise<void> {
    const repository = await findRepository(this.repositories, project, param);
    const digests = await this.repositories.manifestDigestsParentsFirst(repository.id);
    try {
      for (const digest of digests) await this.registry.deleteManifest(repository.name, digest);
    } catch (err) {
      throw toRegistryException(err);
    }
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'repository',
      resource: repository.name,
      projectId: project.id,
      detail: { manifests: digests.length },
    });
  }
}

/** Shapes a repository for the API. */
export function toRepositoryDto(repository: RepositoryView): RepositoryResponseDto {
  return {
    id: repository.id,
    project_id: repository.projectId,
    name: repository.name,
    description: repository.description,
    artifact_count: repository.artifactCount,
    pull_count: repository.pullCount,
    creation_time: repository.createdAt.toISOString(),
    update_time: new Date(repository.updatedAt).toISOString(),
  };
}
