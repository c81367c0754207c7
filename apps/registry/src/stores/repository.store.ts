import { Injectable } from '@nestjs/common';
import { RepositoryRepository, type RepositoryRow } from '@berth/db';
import { type RepositoryName } from '@berth/oci';
import { OciError } from '../http/oci-error';

/** Resolves `<name>` to a repository row: reads need it to exist, pushes create it inside an existing project. */
@Injectable()
export class RepositoryStore {
  constructor(private readonly repositories: RepositoryRepository) {}

  /** Returns the repository for a read, or throws NAME_UNKNOWN. */
  async forRead(name: RepositoryName): Promise<RepositoryRow> {
    const repository = await this.repositories.findByName(name.name);
    if (!repository) throw new OciError('NAME_UNKNOWN', { name: name.name });
    return repository;
  }

  /**
   * Returns the repository for a push, creating it on first push. Projects are never created here: a name whose
   * first component is not a project is NAME_UNKNOWN, and a name without a path below the project is NAME_INVALID.
   */
  async forPush(name: RepositoryName): Promise<RepositoryRow> {
    const existing = await this.repositories.findByName(name.name);
    if (existing) return existing;
    if (name.path === '') {
      throw new OciError('NAME_INVALID', { name: name.name, reason: 'repository names are <project>/<path>' });
    }
    const projectId = await this.repositories.findProjectId(name.project);
    if (projectId === undefined) {
      throw new OciError('NAME_UNKNOWN', { name: name.name, reason: `project ${name.project} does not exist` });
    }
    return this.repositories.createIfAbsent(name.name, projectId);
  }
}
