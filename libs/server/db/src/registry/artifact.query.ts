import { type DataSource } from 'typeorm';
import { type QueryRefiner, type RowPage } from '../project/project.repository';
import { BlobEntity } from './blob.entity';
import { type ManifestPlatform } from './manifest-reference.entity';
import { ManifestEntity } from './manifest.entity';

/** A tag as the REST API shows it. */
export interface TagView {
  id: number;
  name: string;
  manifestId: number;
  /** When the tag last moved to its manifest. */
  pushedAt: Date;
}

/** An index's entry: the child manifest and the platform the index lists it for. */
export interface ArtifactReferenceView {
  parentId: number;
  childId: number;
  childDigest: string;
  /** The child manifest's own media type. */
  childMediaType: string;
  /** The child's size: its manifest, config and layers. */
  childSize: number;
  platform: ManifestPlatform | null;
}

/** A manifest (an artifact) as the REST API shows it. */
export interface ArtifactView {
  id: number;
  repositoryId: number;
  digest: string;
  /** The manifest's own media type. */
  manifestMediaType: string;
  /** The config blob's media type when known (Harbor's artifact media_type), else null. */
  configMediaType: string | null;
  artifactType: string | null;
  /** The config blob's digest (image manifests), else null. */
  configDigest: string | null;
  /** The config blob's size when the registry holds it, else null. */
  configSize: number | null;
  /** The manifest this one refers to (OCI 1.1 `subject`), else null. */
  subjectDigest: string | null;
  /** What pulling the artifact moves, as Harbor counts it: the manifest, its config and layers, an index's manifests. */
  size: number;
  annotations: Record<string, string> | null;
  pushedAt: Date;
  pulledAt: Date | null;
}

/** Bytes of manifest `<alias>`'s own body, config and layers, as one SQL expression over its blob links. */
const manifestBytesSql = (alias: string, suffix: string) =>
  `(${alias}.size + COALESCE((SELECT SUM(b${suffix}.size) FROM manifest_blob mb${suffix}
    JOIN blob b${suffix} ON b${suffix}.id = mb${suffix}.blob_id WHERE mb${suffix}.manifest_id = ${alias}.id), 0))`;

/**
 * An artifact's size as Harbor reports it: the manifest with its config and layers; for an index, its own body plus
 * each listed manifest's. Indexes of indexes count one level deep, as Harbor's do.
 */
const ARTIFACT_SIZE_SQL = `(${manifestBytesSql('m', '1')} + COALESCE((SELECT SUM(${manifestBytesSql('c', '2')})
  FROM manifest_reference mr JOIN manifest c ON c.id = mr.child_id WHERE mr.parent_id = m.id), 0))`;

/** Where the keys of the artifact list live in SQL (`m` is the manifest). */
export const ARTIFACT_LIST_FIELDS = {
  digest: 'm.digest',
  media_type: 'm.media_type',
  artifact_type: 'm.artifact_type',
  size: ARTIFACT_SIZE_SQL,
  push_time: 'm.pushed_at',
  pull_time: 'm.last_pulled_at',
} as const;

/** Raw columns of an artifact view row. */
interface RawArtifactRow {
  id: string;
  repository_id: number;
  digest: string;
  media_type: string;
  config_media_type: string | null;
  artifact_type: string | null;
  config_digest: string | null;
  config_size: string | null;
  subject_digest: string | null;
  size: string;
  annotations: Record<string, string> | null;
  pushed_at: Date;
  last_pulled_at: Date | null;
}

function toView(row: RawArtifactRow): ArtifactView {
  return {
    id: Number(row.id),
    repositoryId: Number(row.repository_id),
    digest: row.digest,
    manifestMediaType: row.media_type,
    configMediaType: row.config_media_type,
    artifactType: row.artifact_type,
    configDigest: row.config_digest,
    configSize: row.config_size === null ? null : Number(row.config_size),
    subjectDigest: row.subject_digest,
    size: Number(row.size),
    annotations: row.annotations,
    pushedAt: row.pushed_at,
    pulledAt: row.last_pulled_at,
  };
}

/**
 * Read-side queries over the registry's manifests and tags for the REST API. The registry is their one writer:
 * core-api changes them only through the registry's HTTP API.
 */
export class ArtifactQuery {
  constructor(private readonly dataSource: DataSource) {}

  private base(repositoryId: number) {
    return this.dataSource
      .getRepository(ManifestEntity)
      .createQueryBuilder('m')
      .leftJoin(BlobEntity, 'cb', 'cb.digest = m.config_digest')
      .select('m.id', 'id')
      .addSelect('m.repository_id', 'repository_id')
      .addSelect('m.digest', 'digest')
      .addSelect('m.media_type', 'media_type')
      .addSelect('cb.media_type', 'config_media_type')
      .addSelect('m.artifact_type', 'artifact_type')
      .addSelect('m.config_digest', 'config_digest')
      .addSelect('cb.size', 'config_size')
      .addSelect('m.subject_digest', 'subject_digest')
      .addSelect(ARTIFACT_SIZE_SQL, 'size')
      .addSelect('m.annotations', 'annotations')
      .addSelect('m.pushed_at', 'pushed_at')
      .addSelect('m.last_pulled_at', 'last_pulled_at')
      .where('m.repository_id = :repositoryId', { repositoryId });
  }

  /**
   * Lists a repository's artifacts, narrowed, ordered and paged by `refine` over ARTIFACT_LIST_FIELDS. Manifests an
   * index lists are not artifacts of their own here; they show as the index's references.
   */
  async list(repositoryId: number, refine: QueryRefiner<ManifestEntity>): Promise<RowPage<ArtifactView>> {
    const qb = this.base(repositoryId).andWhere(
      'NOT EXISTS (SELECT 1 FROM manifest_reference mr WHERE mr.child_id = m.id)',
    );
    refine(qb);
    const [rows, total] = await Promise.all([qb.getRawMany<RawArtifactRow>(), qb.getCount()]);
    return { items: rows.map(toView), total };
  }

  /** Finds a repository's manifest by digest. */
  async findByDigest(repositoryId: number, digest: string): Promise<ArtifactView | undefined> {
    const row = await this.base(repositoryId).andWhere('m.digest = :digest', { digest }).getRawOne<RawArtifactRow>();
    return row && toView(row);
  }

  /** Finds the manifest a tag of the repository points at. */
  async findByTag(repositoryId: number, tag: string): Promise<ArtifactView | undefined> {
    const row = await this.base(repositoryId)
      .andWhere('m.id = (SELECT t.manifest_id FROM tag t WHERE t.repository_id = :repositoryId AND t.name = :tag)', {
        tag,
      })
      .getRawOne<RawArtifactRow>();
    return row && toView(row);
  }

  /** Finds one tag of a repository. */
  async findTag(repositoryId: number, name: string): Promise<TagView | undefined> {
    const rows = await this.dataSource.query<{ id: string; name: string; manifest_id: string; updated_at: Date }[]>(
      'SELECT id, name, manifest_id, updated_at FROM tag WHERE repository_id = $1 AND name = $2',
      [repositoryId, name],
    );
    const row = rows[0];
    return row && { id: Number(row.id), name: row.name, manifestId: Number(row.manifest_id), pushedAt: row.updated_at };
  }

  /** Maps each of the given manifests to its tags, by name. */
  async tagsOf(manifestIds: readonly number[]): Promise<Map<number, TagView[]>> {
    const result = new Map<number, TagView[]>();
    if (manifestIds.length === 0) return result;
    const rows = await this.dataSource.query<{ id: string; name: string; manifest_id: string; updated_at: Date }[]>(
      'SELECT id, name, manifest_id, updated_at FROM tag WHERE manifest_id = ANY($1::bigint[]) ORDER BY name',
      [manifestIds],
    );
    for (const row of rows) {
      const manifestId = Number(row.manifest_id);
      const tags = result.get(manifestId) ?? [];
      tags.push({ id: Number(row.id), name: row.name, manifestId, pushedAt: row.updated_at });
      result.set(manifestId, tags);
    }
    return result;
  }

  /** Maps each of the given manifests (indexes) to the manifests it lists, with their platforms. */
  async referencesOf(manifestIds: readonly number[]): Promise<Map<number, ArtifactReferenceView[]>> {
    const result = new Map<number, ArtifactReferenceView[]>();
    if (manifestIds.length === 0) return result;
    const rows = await this.dataSource.query<
      {
        parent_id: string;
        child_id: string;
        digest: string;
        media_type: string;
        size: string;
        platform: ManifestPlatform | null;
      }[]
    >(
      `SELECT mr.parent_id, mr.child_id, c.digest, c.media_type, ${manifestBytesSql('c', '1')} AS size, mr.platform
       FROM manifest_reference mr JOIN manifest c ON c.id = mr.child_id
       WHERE mr.parent_id = ANY($1::bigint[]) ORDER BY mr.parent_id, c.id`,
      [manifestIds],
    );
    for (const row of rows) {
      const parentId = Number(row.parent_id);
      const references = result.get(parentId) ?? [];
      references.push({
        parentId,
        childId: Number(row.child_id),
        childDigest: row.digest,
        childMediaType: row.media_type,
        childSize: Number(row.size),
        platform: row.platform,
      });
      result.set(parentId, references);
    }
    return result;
  }

  /**
   * Lists the manifests of a repository whose `subject` is `digest` (signatures, SBOMs, attestations: the referrers
   * of distribution-spec), narrowed, ordered and paged by `refine` over ARTIFACT_LIST_FIELDS.
   */
  async referrers(
    repositoryId: number,
    digest: string,
    refine: QueryRefiner<ManifestEntity>,
  ): Promise<RowPage<ArtifactView>> {
    const qb = this.base(repositoryId).andWhere('m.subject_digest = :subjectDigest', { subjectDigest: digest });
    refine(qb);
    const [rows, total] = await Promise.all([qb.getRawMany<RawArtifactRow>(), qb.getCount()]);
    return { items: rows.map(toView), total };
  }

  /** Reads the exact bytes of a manifest as it was pushed, or undefined when it is gone. */
  async contentOf(manifestId: number): Promise<Buffer | undefined> {
    const rows = await this.dataSource.query<{ content: Buffer }[]>('SELECT content FROM manifest WHERE id = $1', [
      manifestId,
    ]);
    return rows[0]?.content;
  }
}
