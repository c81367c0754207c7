import { type DataSource } from 'typeorm';
import { BlobRepository } from './blob.repository';
import { type ManifestPlatform } from './manifest-reference.entity';

/** A manifest as served: its identity, type and size, with its exact bytes when asked for. */
export interface ManifestRow {
  id: number;
  digest: string;
  mediaType: string;
  size: number;
  subjectDigest: string | null;
  content?: Buffer;
}

/** A blob or manifest a manifest refers to, with the size its descriptor declares. */
export interface ReferencedContent {
  digest: string;
  size: number;
}

/** A child entry of an index, with the platform the index lists it for. */
export interface ManifestChild extends ReferencedContent {
  platform: ManifestPlatform | null;
}

/** A descriptor whose declared size is not the size of the content it names. */
export interface SizeMismatch {
  digest: string;
  declared: number;
  actual: number;
}

/** A manifest listed by the referrers API: the descriptor fields the spec asks for. */
export interface ReferrerRow {
  digest: string;
  mediaType: string;
  size: number;
  artifactType: string | null;
  annotations: Record<string, string> | null;
}

/** The outcome of deleting a manifest by digest. */
export type DeleteManifestResult =
  | { deleted: true }
  | { deleted: false; reason: 'unknown' }
  | { deleted: false; reason: 'referenced'; referencedBy: string[] };

/** Postgres' foreign_key_violation: a manifest_reference row still points at the manifest being deleted. */
const FOREIGN_KEY_VIOLATION = '23503';

/** Everything stored for one manifest push. */
export interface NewManifest {
  repositoryId: number;
  digest: string;
  mediaType: string;
  artifactType: string | null;
  content: Buffer;
  configDigest: string | null;
  subjectDigest: string | null;
  annotations: Record<string, string> | null;
  /** The blobs (config, layers) the manifest references; each must be linked into the repository with that size. */
  blobs: ReferencedContent[];
  /** The manifests an index lists; each must exist in the repository with that size. */
  children: ManifestChild[];
  /** The tag to point at this manifest, when pushed by tag. */
  tag: string | null;
}

/** The outcome of saving a manifest: its id, or what is wrong with its references (and then nothing was written). */
export type SaveManifestResult =
  | { saved: true; id: number }
  | { saved: false; missingBlobs: string[]; missingManifests: string[]; sizeMismatches: SizeMismatch[] };

const SELECT_COLUMNS = `m.id, m.digest, m.media_type AS "mediaType", m.size, m.subject_digest AS "subjectDigest"`;

type RawManifestRow = Omit<ManifestRow, 'id' | 'size'> & { id: string; size: string };

function toRow(raw: RawManifestRow | undefined): ManifestRow | undefined {
  return raw && { ...raw, id: Number(raw.id), size: Number(raw.size) };
}

/** Queries over the manifest aggregate: manifests, their blob and child links, and the tags pointing at them. */
export class ManifestRepository {
  private readonly blobs: BlobRepository;

  constructor(private readonly dataSource: DataSource) {
    this.blobs = new BlobRepository(dataSource);
  }

  /**
   * Finds a manifest by repository name and tag in one indexed query (the pull hot path), with its bytes when
   * `withContent` is set; undefined when the repository, the tag or the manifest does not exist.
   */
  async findByNameAndTag(name: string, tag: string, withContent: boolean): Promise<ManifestRow | undefined> {
    const rows: RawManifestRow[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS}${withContent ? ', m.content' : ''}
       FROM repository r JOIN tag t ON t.repository_id = r.id AND t.name = $2 JOIN manifest m ON m.id = t.manifest_id
       WHERE r.name = $1`,
      [name, tag],
    );
    return toRow(rows[0]);
  }

  /** Finds a manifest by repository name and digest in one indexed query, with its bytes when `withContent` is set. */
  async findByNameAndDigest(name: string, digest: string, withContent: boolean): Promise<ManifestRow | undefined> {
    const rows: RawManifestRow[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS}${withContent ? ', m.content' : ''}
       FROM repository r JOIN manifest m ON m.repository_id = r.id AND m.digest = $2
       WHERE r.name = $1`,
      [name, digest],
    );
    return toRow(rows[0]);
  }

  /**
   * Stores a manifest in one transaction: the manifest row (kept when the digest is already there), its blob links,
   * its child links with platforms, and the tag (moved when it pointed elsewhere). Writes nothing when a referenced
   * blob or child manifest is missing from the repository. Concurrent pushes of the same content do not conflict.
   */
  async save(manifest: NewManifest): Promise<SaveManifestResult> {
    return this.dataSource.transaction(async (manager) => {
      const blobDigests = [...new Set(manifest.blobs.map((b) => b.digest))];
      const linked = await this.blobs.findLinkedMany(manifest.repositoryId, blobDigests, manager, true);
      const childDigests = [...new Set(manifest.children.map((c) => c.digest))];
      // FOR KEY SHARE holds the children until commit, so a concurrent DELETE of one waits and then finds it referenced.
      const children: { id: string; digest: string; size: string }[] =
        childDigests.length === 0
          ? []
          : await manager.query(
              `SELECT id, digest, size FROM manifest WHERE repository_id = $1 AND digest = ANY($2::varchar[])
               FOR KEY SHARE`,
              [manifest.repositoryId, childDigests],
            );
      const blobSize = new Map(linked.map((b) => [b.digest, b.size]));
      const childSize = new Map(children.map((c) => [c.digest, Number(c.size)]));
      const missingBlobs = blobDigests.filter((d) => !blobSize.has(d));
      const missingManifests = childDigests.filter((d) => !childSize.has(d));
      const sizeMismatches = [
        ...sizeMismatchesOf(manifest.blobs, blobSize),
        ...sizeMismatchesOf(manifest.children, childSize),
      ];
      if (missingBlobs.length > 0 || missingManifests.length > 0 || sizeMismatches.length > 0) {
        return { saved: false, missingBlobs, missingManifests, sizeMismatches };
      }

      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO manifest (repository_id, digest, media_type, artifact_type, size, content, config_digest,
                               subject_digest, annotations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT uq_manifest_repository_digest DO UPDATE SET media_type = manifest.media_type
         RETURNING id`,
        [
          manifest.repositoryId,
          manifest.digest,
          manifest.mediaType,
          manifest.artifactType,
          manifest.content.length,
          manifest.content,
          manifest.configDigest,
          manifest.subjectDigest,
          manifest.annotations === null ? null : JSON.stringify(manifest.annotations),
        ],
      );
      // The no-op DO UPDATE locks an existing row until commit (DO NOTHING would not), so a concurrent DELETE of the
      // same manifest cannot remove it between here and the links and tag written below.
      const id = Number(inserted[0]!.id);

      if (linked.length > 0) {
        await manager.query(
          `INSERT INTO manifest_blob (manifest_id, blob_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`,
          [id, linked.map((b) => b.id)],
        );
      }
      if (children.length > 0) {
        const platformOf = new Map(manifest.children.map((c) => [c.digest, c.platform]));
        await manager.query(
          `INSERT INTO manifest_reference (parent_id, child_id, platform)
           SELECT $1, c.id, c.platform FROM unnest($2::bigint[], $3::jsonb[]) AS c(id, platform)
           ON CONFLICT DO NOTHING`,
          [
            id,
            children.map((c) => c.id),
            children.map((c) => {
              const platform = platformOf.get(c.digest);
              return platform ? JSON.stringify(platform) : null;
            }),
          ],
        );
      }
      if (manifest.tag !== null) {
        await manager.query(
          `INSERT INTO tag (repository_id, name, manifest_id) VALUES ($1, $2, $3)
           ON CONFLICT ON CONSTRAINT uq_tag_repository_name
           DO UPDATE SET manifest_id = EXCLUDED.manifest_id, updated_at = now()
           WHERE tag.manifest_id <> EXCLUDED.manifest_id`,
          [manifest.repositoryId, manifest.tag, id],
        );
      }
      return { saved: true, id };
    });
  }

  /**
   * Deletes a manifest of the repository by digest; its tags, blob links and (for an index) child links go with it.
   * A manifest that an index of the repository still lists is kept and its parents are reported: the
   * manifest_reference foreign key refuses the delete, which also covers an index pushed concurrently.
   */
  async delete(repositoryId: number, digest: string): Promise<DeleteManifestResult> {
    try {
      const [, affected]: [unknown, number] = await this.dataSource.query(
        'DELETE FROM manifest WHERE repository_id = $1 AND digest = $2',
        [repositoryId, digest],
      );
      return affected > 0 ? { deleted: true } : { deleted: false, reason: 'unknown' };
    } catch (err) {
      if ((err as { code?: unknown }).code !== FOREIGN_KEY_VIOLATION) throw err;
      const parents: { digest: string }[] = await this.dataSource.query(
        `SELECT p.digest FROM manifest c
         JOIN manifest_reference r ON r.child_id = c.id JOIN manifest p ON p.id = r.parent_id
         WHERE c.repository_id = $1 AND c.digest = $2 ORDER BY p.digest`,
        [repositoryId, digest],
      );
      return { deleted: false, reason: 'referenced', referencedBy: parents.map((p) => p.digest) };
    }
  }

  /**
   * Lists the manifests of the repository whose `subject` is `subjectDigest`, in push order, optionally only those of
   * one artifact type; one query on the (repository_id, subject_digest) index.
   */
  async findReferrers(repositoryId: number, subjectDigest: string, artifactType?: string): Promise<ReferrerRow[]> {
    const rows: (Omit<ReferrerRow, 'size'> & { size: string })[] = await this.dataSource.query(
      `SELECT m.digest, m.media_type AS "mediaType", m.size, m.artifact_type AS "artifactType", m.annotations
       FROM manifest m
       WHERE m.repository_id = $1 AND m.subject_digest = $2 AND ($3::varchar IS NULL OR m.artifact_type = $3)
       ORDER BY m.id`,
      [repositoryId, subjectDigest, artifactType ?? null],
    );
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }
}

/** Returns the descriptors whose declared size differs from the stored size of the content they name. */
function sizeMismatchesOf(declared: readonly ReferencedContent[], actual: ReadonlyMap<string, number>): SizeMismatch[] {
  return declared.flatMap((d) => {
    const size = actual.get(d.digest);
    return size === undefined || size === d.size ? [] : [{ digest: d.digest, declared: d.size, actual: size }];
  });
}
