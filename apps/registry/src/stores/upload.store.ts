import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { UploadRepository, type RepositoryRow, type UploadRow } from '@berth/db';
import { type BlobStat } from '@berth/storage';
import { OciError } from '../http/oci-error';
import { BlobStore } from './blob.store';
import { UploadStaging } from './upload-staging';

/** How long an upload session stays usable: a day, as CNCF distribution's upload purger assumes by default. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Registry semantics of upload sessions: rows in Postgres with an expiry, scoped to one repository. */
@Injectable()
export class UploadStore {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly staging: UploadStaging,
    private readonly blobs: BlobStore,
  ) {}

  /** Opens an upload session in the repository and returns its id. */
  async start(repository: RepositoryRow): Promise<string> {
    const id = randomUUID();
    await this.uploads.create(id, repository.id, new Date(Date.now() + UPLOAD_TTL_MS));
    return id;
  }

  /** Returns a live session of the repository, or throws BLOB_UPLOAD_UNKNOWN (also for ids that are not UUIDs). */
  async require(repository: RepositoryRow, id: string): Promise<UploadRow> {
    const upload = UUID.test(id) ? await this.uploads.findActive(id, repository.id, new Date()) : undefined;
    if (!upload) throw new OciError('BLOB_UPLOAD_UNKNOWN', { uuid: id });
    return upload;
  }

  /**
   * Appends a chunk to a session and returns the session's new size. A chunk whose declared start is not the current
   * size is refused with 416, as the spec requires for out-of-order chunks.
   */
  async append(upload: UploadRow, body: Readable, start: number | undefined, signal: AbortSignal): Promise<number> {
    const current = await this.staging.size(upload.id);
    if (start !== undefined && start !== current) {
      throw new OciError(
        'RANGE_INVALID',
        { expectedStart: current, start },
        { headers: { Range: `0-${Math.max(current - 1, 0)}` } },
      );
    }
    const written = await this.staging.append(upload.id, body, signal);
    await this.uploads.updateSize(upload.id, current + written);
    return current + written;
  }

  /**
   * Completes a session: the staged bytes followed by the final body become the blob `digest`. The session ends
   * whether or not the bytes match the digest; on a mismatch nothing is stored.
   */
  async complete(
    repository: RepositoryRow,
    upload: UploadRow,
    digest: string,
    body: Readable,
    finalLength: number | undefined,
    signal: AbortSignal,
  ): Promise<BlobStat> {
    const stagedSize = await this.staging.size(upload.id);
    const staged = await this.staging.open(upload.id);
    const whole = staged ? Readable.from(concat(staged, body)) : body;
    try {
      return await this.blobs.put(repository, digest, whole, {
        expectedSize: finalLength === undefined ? undefined : stagedSize + finalLength,
        signal,
      });
    } finally {
      staged?.destroy();
      await this.cancel(upload);
    }
  }

  /** Ends a session and discards its staged bytes. */
  async cancel(upload: UploadRow): Promise<void> {
    await this.staging.remove(upload.id);
    await this.uploads.delete(upload.id);
  }

  /** Returns how many bytes a session holds. */
  size(upload: UploadRow): Promise<number> {
    return this.staging.size(upload.id);
  }
}

async function* concat(...streams: AsyncIterable<Buffer>[]): AsyncGenerator<Buffer> {
  for (const stream of streams) yield* stream;
}
