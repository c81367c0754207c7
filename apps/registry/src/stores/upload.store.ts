import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { UploadRepository, type RepositoryRow, type UploadRow } from '@berth/db';
import { BLOB_DRIVER, type BlobDriver, BlobDriverError, type BlobStat } from '@berth/storage';
import { OciError } from '../http/oci-error';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';
import { BlobStore } from './blob.store';

/**
 * How long one request holds an upload session before it must renew the hold: 15 s, so a replica killed
 * mid-request frees the session for the client's retry within seconds, while a live request renews every third of it.
 */
export const UPLOAD_LEASE_MS = 15_000;
const LEASE_RENEW_MS = UPLOAD_LEASE_MS / 3;

const MINUTE_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a chunk claims to start and how long it says it is (from Content-Range and Content-Length). */
export interface ChunkInfo {
  start?: number;
  length?: number;
}

/** Storage failures after which the spec considers an upload failed, so the session ends with them. */
const FATAL_COMMIT_ERRORS = new Set(['DIGEST_MISMATCH', 'SIZE_MISMATCH', 'INVALID_DIGEST']);

/**
 * Registry semantics of upload sessions: a row in Postgres (repository, expiry, size, who holds it) and the bytes in
 * storage through the driver's upload operations, so any replica can continue a session another one started. Each
 * append or commit first takes a renewable hold on the row, so two requests never write one session at once.
 */
@Injectable()
export class UploadStore {
  private readonly ttlMs: number;

  constructor(
    private readonly uploads: UploadRepository,
    private readonly blobs: BlobStore,
    @Inject(BLOB_DRIVER) private readonly driver: BlobDriver,
    @Inject(REGISTRY_CONFIG) config: RegistryConfig,
  ) {
    this.ttlMs = config.BERTH_UPLOAD_TTL_MINUTES * MINUTE_MS;
  }

  /**
   * Opens an upload session in the repository and returns its id. `owner` is the token subject that opened it: only
   * it may finish the session with a token that expired meanwhile (the registry auth guard checks that).
   */
  async start(repository: RepositoryRow, owner: string | null = null): Promise<string> {
    const id = randomUUID();
    await this.uploads.create(id, repository.id, this.ttlMs, owner);
    return id;
  }

  /** Returns a live session of the repository, or throws BLOB_UPLOAD_UNKNOWN (also for ids that are not UUIDs). */
  async require(repository: RepositoryRow, id: string): Promise<UploadRow> {
    const upload = UUID.test(id) ? await this.uploads.findActive(id, repository.id) : undefined;
    if (!upload) throw unknownUpload(id);
    return upload;
  }

  /** Returns how many bytes a session holds in storage. */
  size(id: string): Promise<number> {
    return this.driver.uploadSize(id);
  }

  /**
   * Appends a chunk to a session and returns the session's new size. A chunk that does not start at the current size
   * is refused with 416, as the spec requires for out-of-order chunks; one sent while another request writes the
   * session is refused with BLOB_UPLOAD_INVALID.
   */
  append(
    repository: RepositoryRow,
    id: string,
    body: Readable,
    chunk: ChunkInfo,
    signal: AbortSignal,
  ): Promise<number> {
    return this.holding(repository, id, signal, async (held) => {
      const stored = await this.driver.uploadSize(id);
      if (chunk.start !== undefined && chunk.start !== stored) throw outOfOrder(chunk.start, stored);
      return this.driver.appendUpload(id, stored, body, { expectedSize: chunk.length, signal: held });
    });
  }

  /**
   * Completes a session: appends the final chunk when there is one, then has storage verify the bytes against
   * `digest` and make them that blob, records the blob, links it into the repository and ends the session. A digest
   * or size mismatch ends the session too and stores nothing.
   */
  async complete(
    repository: RepositoryRow,
    id: string,
    digest: string,
    body: Readable | undefined,
    chunk: ChunkInfo,
    signal: AbortSignal,
  ): Promise<BlobStat> {
    const stat = await this.holding(repository, id, signal, async (held) => {
      let size = await this.driver.uploadSize(id);
      if (body) {
        if (chunk.start !== undefined && chunk.start !== size) throw outOfOrder(chunk.start, size);
        size = await this.driver.appendUpload(id, size, body, { expectedSize: chunk.length, signal: held });
      }
      try {
        return await this.driver.commitUpload(id, digest, { expectedSize: size });
      } catch (error) {
        if (error instanceof BlobDriverError && FATAL_COMMIT_ERRORS.has(error.code)) await this.end(id);
        throw error;
      }
    });
    await this.blobs.record(repository, stat);
    await this.uploads.delete(id);
    return stat;
  }

  /** Ends a live session of the repository and discards its bytes, or throws BLOB_UPLOAD_UNKNOWN. */
  async cancel(repository: RepositoryRow, id: string): Promise<void> {
    await this.require(repository, id);
    await this.end(id);
  }

  private async end(id: string): Promise<void> {
    await this.uploads.delete(id);
    await this.driver.abortUpload(id);
  }

  /**
   * Runs `work` while holding the session: the hold is renewed while the work streams, and the work is aborted if
   * the hold is lost. Afterwards the row records the stored size and its expiry moves a TTL past this activity.
   */
  private async holding<T>(
    repository: RepositoryRow,
    id: string,
    signal: AbortSignal,
    work: (held: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (!UUID.test(id)) throw unknownUpload(id);
    const claim = await this.uploads.claim(id, repository.id, randomUUID(), UPLOAD_LEASE_MS);
    if (claim.status === 'unknown') throw unknownUpload(id);
    if (claim.status === 'busy') {
      const stored = await this.driver.uploadSize(id);
      throw new OciError('BLOB_UPLOAD_INVALID', {
        reason: 'another request is writing this upload',
        uuid: id,
        range: progressRange(stored),
      });
    }
    const lost = new AbortController();
    const renewal = setInterval(() => {
      this.uploads.renew(id, claim.token, UPLOAD_LEASE_MS).then(
        (held) => held || lost.abort(new Error(`lost the hold on upload ${id}`)),
        (error: unknown) => lost.abort(error),
      );
    }, LEASE_RENEW_MS);
    try {
      return await work(AbortSignal.any([signal, lost.signal]));
    } finally {
      clearInterval(renewal);
      const size = await this.driver.uploadSize(id).catch(() => claim.upload.size);
      await this.uploads.release(id, claim.token, size, this.ttlMs);
    }
  }
}

/** Formats a session's progress as the spec's inclusive `Range: 0-<last>`; an empty session reports 0-0. */
export function progressRange(size: number): string {
  return `0-${Math.max(size - 1, 0)}`;
}

function unknownUpload(id: string): OciError {
  return new OciError('BLOB_UPLOAD_UNKNOWN', { uuid: id });
}

function outOfOrder(start: number, stored: number): OciError {
  return new OciError(
    'RANGE_INVALID',
    { reason: 'chunks must be sent in order', expectedStart: stored, start },
    { headers: { Range: progressRange(stored) } },
  );
}
