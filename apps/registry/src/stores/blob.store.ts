import { Inject, Injectable } from '@nestjs/common';
import { type Readable } from 'node:stream';
import { BlobRepository, RepositoryRepository, type RepositoryRow } from '@berth/db';
import { parseDigest, parseRepositoryName } from '@berth/oci';
import { BLOB_DRIVER, type BlobDriver, type BlobStat, type ByteRange } from '@berth/storage';
import { OciError } from '../http/oci-error';

/** Parses a digest from a URL or query, throwing DIGEST_INVALID for a malformed or unsupported one. */
export function requireDigest(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    throw new OciError('DIGEST_INVALID', { reason: 'the digest parameter is required' });
  }
  const parsed = parseDigest(value);
  if (!parsed.ok) {
    const reason = parsed.error === 'unsupported' ? 'unsupported digest algorithm' : 'malformed digest';
    throw new OciError('DIGEST_INVALID', { digest: value, reason });
  }
  return parsed.digest.value;
}

/** Registry semantics of blobs: a repository sees only the blobs linked to it; a blob is recorded once it is stored. */
@Injectable()
export class BlobStore {
  constructor(
    private readonly blobs: BlobRepository,
    private readonly repositories: RepositoryRepository,
    @Inject(BLOB_DRIVER) private readonly driver: BlobDriver,
  ) {}

  /** Returns the stat of a blob linked into the repository, or throws BLOB_UNKNOWN. */
  async stat(repository: RepositoryRow, digest: string): Promise<BlobStat> {
    const blob = await this.blobs.findLinked(repository.id, digest);
    if (!blob) throw new OciError('BLOB_UNKNOWN', { digest });
    return { digest: blob.digest, size: blob.size };
  }

  /** Opens a blob (or a range of it) that the caller has already stat'ed in its repository. */
  open(digest: string, range?: ByteRange): Promise<Readable> {
    return this.driver.get(digest, range);
  }

  /**
   * Streams a body into storage under `digest` (the driver verifies digest and size while streaming, so a mismatch
   * stores nothing), then records the blob and links it into the repository, which `repository` resolves only once the
   * bytes are verified: a push that fails creates no repository.
   */
  async put(
    repository: () => Promise<RepositoryRow>,
    digest: string,
    body: Readable,
    options: { expectedSize?: number; signal?: AbortSignal },
  ): Promise<BlobStat> {
    const stored = await this.driver.put(digest, body, options);
    await this.record(await repository(), stored);
    return stored;
  }

  /** Records a blob that is now in storage and links it into the repository. */
  async record(repository: RepositoryRow, stored: BlobStat): Promise<void> {
    await this.blobs.upsertAndLink(repository.id, stored.digest, stored.size);
  }

  /**
   * Mounts a blob from another repository: links it into `repository` when it is in storage and linked into `from`,
   * and returns it; returns undefined (so the caller falls back to an upload) for anything else, including a
   * malformed digest or name, as the spec's fallback to a 202 asks.
   */
  async mount(repository: RepositoryRow, digest: string, from: string | null): Promise<BlobStat | undefined> {
    const parsedDigest = parseDigest(digest);
    const fromName = from === null ? undefined : parseRepositoryName(from);
    if (!parsedDigest.ok || !fromName) return undefined;
    const source = await this.repositories.findByName(fromName.name);
    if (!source) return undefined;
    if (!(await this.driver.stat(parsedDigest.digest.value))) return undefined;
    const linked = await this.blobs.linkFrom(repository.id, parsedDigest.digest.value, source.id);
    return linked && { digest: linked.digest, size: linked.size };
  }
}
