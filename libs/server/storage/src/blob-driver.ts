import { Readable } from 'node:stream';

/** What is known of a stored blob. */
export interface BlobStat {
  digest: string;
  size: number;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Options of a blob write. */
export interface PutBlobOptions {
  /** The size the caller announced (Content-Length); a body of another length fails with SIZE_MISMATCH. */
  expectedSize?: number;
  /** Aborts the write; the partial data is discarded and nothing becomes visible. */
  signal?: AbortSignal;
}

/** Why a driver operation failed, in words the registry maps onto OCI error codes. */
export type BlobDriverErrorCode =
  | 'BLOB_NOT_FOUND'
  | 'DIGEST_MISMATCH'
  | 'SIZE_MISMATCH'
  | 'RANGE_NOT_SATISFIABLE'
  | 'INVALID_DIGEST'
  | 'UPLOAD_OFFSET_MISMATCH'
  | 'INVALID_UPLOAD_ID';

/** A driver failure with a code; any other error is an infrastructure fault. */
export class BlobDriverError extends Error {
  constructor(
    readonly code: BlobDriverErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlobDriverError';
  }
}

/** Options of an upload-session append. */
export interface AppendUploadOptions {
  /** The chunk's announced length (Content-Length); a body of another length fails with SIZE_MISMATCH. */
  expectedSize?: number;
  /** Aborts the append; the session keeps the bytes it had before it. */
  signal?: AbortSignal;
}

/**
 * Content-addressed blob storage. A blob is stored under its digest and becomes visible to `stat`/`get`/`list` only
 * once it has been written completely and its bytes hash to that digest; a failed, aborted or crashed write leaves
 * nothing a reader can see.
 *
 * Upload sessions hold the bytes of a blob whose digest is not known yet. They live in storage only (never in one
 * process), so any process sharing the backend can append to a session another one started, and commit it.
 */
export interface BlobDriver {
  /** Names the backend for systeminfo and logs ("filesystem", "s3"). */
  readonly kind: string;

  /** Streams a body into storage under `digest`, hashing while it streams, and returns the stored blob's stat. */
  put(digest: string, body: Readable, options?: PutBlobOptions): Promise<BlobStat>;

  /** Returns the blob's stat, or undefined when no complete blob has that digest. */
  stat(digest: string): Promise<BlobStat | undefined>;

  /** Opens a read stream over the whole blob or an inclusive byte range of it. */
  get(digest: string, range?: ByteRange): Promise<Readable>;

  /** Deletes a blob; deleting a missing blob is not an error. */
  delete(digest: string): Promise<void>;

  /** Lists the digests of all complete blobs, in no particular order. */
  list(): AsyncIterable<string>;

  /** Appends bytes to an upload session at `offset` (must equal the stored size); returns the new stored size. */
  appendUpload(uploadId: string, offset: number, body: Readable, options?: AppendUploadOptions): Promise<number>;

  /** Returns the bytes stored for a session (0 when it has none). */
  uploadSize(uploadId: string): Promise<number>;

  /** Verifies the session's bytes hash to `digest` and makes them that blob atomically, then deletes the session's bytes. */
  commitUpload(uploadId: string, digest: string, options?: { expectedSize?: number }): Promise<BlobStat>;

  /** Deletes a session's bytes; a missing session is not an error. */
  abortUpload(uploadId: string): Promise<void>;

  /** Lists sessions that have bytes in storage, with when they were last written (for sweeping orphans). */
  listUploads(): AsyncIterable<{ uploadId: string; modifiedAt: Date }>;

  /** Checks the backend is reachable and writable enough to serve (used by health endpoints). */
  ping(): Promise<void>;
}
