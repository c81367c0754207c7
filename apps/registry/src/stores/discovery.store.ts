import { Injectable } from '@nestjs/common';
import { ManifestRepository, RepositoryRepository, type RepositoryRow, type TagPage, TagRepository } from '@berth/db';
import { type Descriptor, type RepositoryName } from '@berth/oci';
import { OciError } from '../http/oci-error';
import { TagListCache } from './tag-list.cache';

/** A page of a listing, and whether more entries follow it. */
export interface Page<T> {
  items: T[];
  more: boolean;
}

/**
 * Content discovery answered from Postgres alone, never by walking storage: tags of a repository, repositories of
 * the registry (the catalog) and the referrers of a manifest, each one indexed query.
 */
@Injectable()
export class DiscoveryStore {
  private readonly tagLists = new TagListCache();

  constructor(
    private readonly tags: TagRepository,
    private readonly repositories: RepositoryRepository,
    private readonly manifests: ManifestRepository,
  ) {}

  /**
   * Lists a repository's tags in byte order after `last`, at most `n` (all when null), with whether another page
   * follows, or throws NAME_UNKNOWN. A full list is served from this replica's cache when the repository's
   * tags_version (one primary-key lookup) says it is current.
   */
  async listTags(name: RepositoryName, last: string, n: number | null): Promise<TagPage> {
    const full = n === null && last === '';
    if (full) {
      const version = await this.tags.version(name.name);
      if (version === undefined) throw new OciError('NAME_UNKNOWN', { name: name.name });
      const cached = this.tagLists.get(name.name, version);
      if (cached) return cached;
    }
    const page = await this.tags.list(name.name, last, n);
    if (!page) throw new OciError('NAME_UNKNOWN', { name: name.name });
    if (full) this.tagLists.set(name.name, page);
    return page;
  }

  /**
   * Lists repository names in byte order after `last`, at most `n`, reading one extra to tell whether more follow;
   * only the repositories of `projects` unless it is `*`.
   */
  async listRepositories(last: string, n: number, projects: readonly string[] | '*' = '*'): Promise<Page<string>> {
    const names =
      projects === '*'
        ? await this.repositories.listNames(last, n + 1)
        : await this.repositories.listNamesInProjects(projects, last, n + 1);
    return names.length <= n ? { items: names, more: false } : { items: names.slice(0, n), more: true };
  }

  /**
   * Returns the descriptors of the repository's manifests whose subject is `digest`, optionally of one artifact type:
   * media type, digest, size, artifactType (absent for an index without one) and annotations, as the spec requires.
   */
  async referrers(repository: RepositoryRow, digest: string, artifactType?: string): Promise<Descriptor[]> {
    const rows = await this.manifests.findReferrers(repository.id, digest, artifactType);
    return rows.map((row) => {
      const descriptor: Descriptor = { mediaType: row.mediaType, digest: row.digest, size: row.size };
      if (row.artifactType !== null) descriptor.artifactType = row.artifactType;
      if (row.annotations !== null) descriptor.annotations = row.annotations;
      return descriptor;
    });
  }
}
