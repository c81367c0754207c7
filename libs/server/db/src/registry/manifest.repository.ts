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

/** A child entry of an index, with the platform the index lists it for. */
export interface ManifestChild {
  digest: string;
  platform: ManifestPlatform | null;
}

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
  /** Digests of the blobs (config, layers) the manifest references; each must be linked into the repository. */
  blobDigests: string[];
  /** The manifests an index lists; each must exist in the repository. */
  children: ManifestChild[];
  /** The tag to point at this manifest, when pushed by tag. */
  tag: string | null;
}

/** The outcome of saving a manifest: its id, or the references that are missing (and then nothing was written). */
export type SaveManifestResult =
  { saved: true; id: number } | { saved: false; missingBlobs: string[]; missingManifests: string[] };

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

  /** Finds a manifest of the repository by digest, with its bytes when `withContent` is set. */
  async findByDigest(repositoryId: number, digest: string, withContent: boolean): Promise<ManifestRow | undefined> {
    const rows: RawManifestRow[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS}${withContent ? ', m.content' : ''} FROM manifest m
       WHERE m.repository_id = $1 AND m.digest = $2`,
      [repositoryId, digest],
    );
    return toRow(rows[0]);
  }

  /** Finds the manifest a tag of the repository points at, with its bytes when `withContent` is set. */
  async findByTag(repositoryId: number, tag: string, withContent: boolean): Promise<ManifestRow | undefined> {
    const rows: RawManifestRow[] = await this.dataSource.query(
      `SELECT ${SELECT_COLUMNS}${withContent ? ', m.content' : ''} FROM tag t JOIN manifest m ON m.id = t.manifest_id
       WHERE t.repository_id = $1 AND t.name = $2`,
      [repositoryId, tag],
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
      const blobDigests = [...new Set(manifest.blobDigests)];
      const linked = await this.blobs.findLinkedMany(manifest.repositoryId, blobDigests, manager);
      const childDigests = [...new Set(manifest.children.map((c) => c.digest))];
      const children: { id: string; digest: string }[] =
        childDigests.length === 0
          ? []
          : await manager.query(
              'SELECT id, digest FROM manifest WHERE repository_id = $1 AND digest = ANY($2::varchar[])',
              [manifest.repositoryId, childDigests],
            );
      const missingBlobs = blobDigests.filter((d) => !linked.some((b) => b.digest === d));
      const missingManifests = childDigests.filter((d) => !children.some((c) => c.digest === d));
      if (missingBlobs.length > 0 || missingManifests.length > 0)
        return { saved: false, missingBlobs, missingManifests };

      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO manifest (repository_id, digest, media_type, artifact_type, size, content, config_digest,
                               subject_digest, annotations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ON CONSTRAINT uq_manifest_repository_digest DO NOTHING
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
      const id = Number(
        inserted[0]?.id ??
          (
            await manager.query('SELECT id FROM manifest WHERE repository_id = $1 AND digest = $2', [
              manifest.repositoryId,
              manifest.digest,
            ])
          )[0].id,
      );

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
}
