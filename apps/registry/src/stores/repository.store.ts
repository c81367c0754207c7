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
   * Checks that a push to `name` may happen without writing anything, so a push that then fails validation leaves no
   * repository behind; materialize creates the repository once there is content to store. Projects are never created
   * here: a name whose first component is not a project is NAME_UNKNOWN, one without a path below it NAME_INVALID.
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
   * Unlinks a blob from the repository (DELETE blob): BLOB_UNKNOWN when it is not linked, and 409 DENIED while a
   * manifest of the repository references it (delete those manifests first), so no manifest loses a blob. The bytes
   * stay until garbage collection finds nothing referencing them.
   */
  async deleteBlob(repository: RepositoryRow, digest: string): Promise<void> {
    const result = await this.repositories.unlinkBlob(repository.id, digest);
    if (result.referencedBy.length > 0) {
      throw new OciError(
        'DENIED',
        { digest, referencedBy: result.referencedBy, reason: 'manifests of this repository reference the blob' },
        { status: 409 },
      );
    }
    if (!result.unlinked) throw new OciError('BLOB_UNKNOWN', { digest });
  }
}
