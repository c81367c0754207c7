import { Inject, Injectable } from '@nestjs/common';
import { type Readable } from 'node:stream';
import { BlobRepository, type RepositoryRow } from '@berth/db';
import { parseDigest } from '@berth/oci';
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
   * stores nothing), then records the blob and links it into the repository.
   */
  async put(
    repository: RepositoryRow,
    digest: string,
    body: Readable,
    options: { expectedSize?: number; signal?: AbortSignal },
  ): Promise<BlobStat> {
    const stored = await this.driver.put(digest, body, options);
    await this.blobs.upsertAndLink(repository.id, stored.digest, stored.size);
    return stored;
  }
}
