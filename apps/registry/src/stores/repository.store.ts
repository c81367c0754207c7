import { Injectable } from '@nestjs/common';
import { RepositoryRepository, type RepositoryRow } from '@berth/db';
import { type RepositoryName } from '@berth/oci';
import { OciError } from '../http/oci-error';

/** Where a push goes: the existing repository, or the project a new repository will be created in. */
export type PushTarget = { repository: RepositoryRow } | { name: string; projectId: number };

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
    return this.materialize(await this.pushTarget(name));
  }

  /**
   * Checks that a push to `name` may happen (the errors of forPush) without writing anything, so a push that then
   * fails validation leaves no repository behind; materialize creates the repository once there is content to store.
   */
  async pushTarget(name: RepositoryName): Promise<PushTarget> {
    const existing = await this.repositories.findByName(name.name);
    if (existing) return { repository: existing };
    if (name.path === '') {
      throw new OciError('NAME_INVALID', { name: name.name, reason: 'repository names are <project>/<path>' });
    }
    const projectId = await this.repositories.findProjectId(name.project);
    if (projectId === undefined) {
      throw new OciError('NAME_UNKNOWN', { name: name.name, reason: `project ${name.project} does not exist` });
    }
    return { name: name.name, projectId };
  }

  /** Returns the push target's repository, creating it when it does not exist yet (safe under concurrent pushes). */
  async materialize(target: PushTarget): Promise<RepositoryRow> {
    return 'repository' in target ? target.repository : this.repositories.createIfAbsent(target.name, target.projectId);
  }

  /**
   * Unlinks a blob from the repository (DELETE blob), or throws BLOB_UNKNOWN when it is not linked. Manifests that
   * reference it stay, as the spec allows; the bytes stay until garbage collection finds nothing referencing them.
   */
  async deleteBlob(repository: RepositoryRow, digest: string): Promise<void> {
    if (!(await this.repositories.unlinkBlob(repository.id, digest))) throw new OciError('BLOB_UNKNOWN', { digest });
  }
}
