import { createHash, type Hash, randomUUID } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import { access, type FileHandle, mkdir, open, opendir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, addAbortSignal } from 'node:stream';
import {
  type AppendUploadOptions,
  type BlobDriver,
  BlobDriverError,
  type BlobStat,
  type ByteRange,
  type PutBlobOptions,
} from './blob-driver';
import { ChunkMeter, DigestMeter, drainAndVerify, verifyDigest } from './digest-meter';
import { FILE_READ_CHUNK_BYTES, FileBlobStream } from './file-blob-stream';
import {
  BLOBS_PREFIX,
  type DigestAlgorithm,
  UPLOADS_DIR,
  UPLOAD_DATA_FILE,
  blobPath,
  checkUploadId,
  digestFromBlobPath,
  parseDigest,
} from './layout';
import { checkRange } from './range';
import { CACHED_ALGORITHM, UploadHashCache } from './upload-hash-cache';

/**
 * Body bytes gathered into one positional writev: 1 MiB, sixteen of the 64 KiB chunks a socket read yields, so a
 * 256 MiB push makes 256 writes through the thread pool instead of 4,096 (4 MiB batches measured no faster).
 */
const WRITE_BATCH_BYTES = 1024 * 1024;
/** Chunks gathered at most into one writev: Linux's IOV_MAX, which also bounds a body of tiny chunks. */
const WRITE_BATCH_CHUNKS = 1024;

/** Options of a FilesystemBlobDriver. */
export interface FilesystemBlobDriverOptions {
  /** The in-process cache of upload sessions' running hashes; `false` turns it off (every commit rehashes). */
  hashCache?: UploadHashCache | false;
}

/** Stores blobs as files under a root directory, in the layout described in layout.ts. */
export class FilesystemBlobDriver implements BlobDriver {
  readonly kind = 'filesystem';
  private readonly hashes: UploadHashCache | undefined;

  constructor(
    private readonly root: string,
    options: FilesystemBlobDriverOptions = {},
  ) {
    this.hashes = options.hashCache === false ? undefined : (options.hashCache ?? new UploadHashCache());
  }

  /** Streams the body into a temp file under _uploads/, verifies size and digest, fsyncs it and renames it into place. */
  async put(digest: string, body: Readable, options: PutBlobOptions = {}): Promise<BlobStat> {
    const meter = new DigestMeter(digest, options.expectedSize);
    const target = this.path(digest);
    if (options.signal) addAbortSignal(options.signal, body);

    if (await this.stat(digest)) {
      // The blob is already stored; the body must still be the blob the caller claims, but its bytes are not needed.
      return { digest, size: await drainAndVerify(meter, body) };
    }

    await mkdir(join(this.root, UPLOADS_DIR), { recursive: true });
    const temp = join(this.root, UPLOADS_DIR, randomUUID());
    try {
      // The file is opened before streaming starts: a stream that opened it lazily could create it after a failed
      // write's cleanup below had already run, leaving an empty temporary file behind.
      const handle = await open(temp, 'wx');
      try {
        await writeBody(handle, 0, body, meter);
        meter.verify();
        // Before the rename below, so it never publishes a blob whose bytes are not on disk.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
      await syncDir(dirname(target));
      return { digest, size: meter.bytes };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Returns the blob's size, or undefined when no complete blob has that digest. */
  async stat(digest: string): Promise<BlobStat | undefined> {
    try {
      const info = await stat(this.path(digest));
      return { digest, size: info.size };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Opens a FileBlobStream over the blob or an inclusive range of it; the file stays readable even if deleted
   * meanwhile. The registry writes it out through FileBlobStream.writeTo, which reuses its buffers.
   */
  async get(digest: string, range?: ByteRange): Promise<FileBlobStream> {
    let file;
    try {
      file = await open(this.path(digest), 'r');
    } catch (error) {
      if (isNotFound(error)) throw new BlobDriverError('BLOB_NOT_FOUND', `blob ${digest} not found`);
      throw error;
    }
    try {
      const { size } = await file.stat();
      if (!range) return new FileBlobStream(file, 0, size);
      checkRange(range, size);
      return new FileBlobStream(file, range.start, Math.min(range.end, size - 1) + 1);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  /** Deletes the blob's file; a missing blob is not an error. */
  async delete(digest: string): Promise<void> {
    await rm(this.path(digest), { force: true });
  }

  /** Walks blobs/ and yields the digest of every well-formed blob file. */
  async *list(): AsyncIterable<string> {
    const blobs = join(this.root, BLOBS_PREFIX);
    for (const algorithm of await subdirs(blobs)) {
      for (const fanOut of await subdirs(join(blobs, algorithm))) {
        const dir = await opendir(join(blobs, algorithm, fanOut)).catch(ignoreNotFound);
        if (!dir) continue;
        for await (const entry of dir) {
          const digest = entry.isFile() && digestFromBlobPath(`${BLOBS_PREFIX}/${algorithm}/${fanOut}/${entry.name}`);
          if (digest) yield digest;
        }
      }
    }
  }

  /**
   * Writes the body into the session's data file at `offset`, which must be the file's current size (so a replica
   * that lost track of the session cannot overwrite acknowledged bytes), and fsyncs it before answering. A failed
   * append (size mismatch, abort, client gone) truncates the file back to `offset`.
   */
  async appendUpload(
    uploadId: string,
    offset: number,
    body: Readable,
    options: AppendUploadOptions = {},
  ): Promise<number> {
    checkUploadId(uploadId);
    if (options.signal) addAbortSignal(options.signal, body);
    const dir = this.uploadDir(uploadId);
    await mkdir(dir, { recursive: true });
    const file = await open(join(dir, UPLOAD_DATA_FILE), constants.O_RDWR | constants.O_CREAT);
    try {
      const { size } = await file.stat();
      if (size !== offset) throw offsetMismatch(uploadId, offset, size);
      const hash = this.hashes?.take(uploadId, offset);
      const meter = new ChunkMeter(options.expectedSize, hash);
      try {
        await writeBody(file, offset, body, meter);
        meter.verify();
        await file.sync();
      } catch (error) {
        await file.truncate(offset);
        throw error;
      }
      const stored = offset + meter.bytes;
      if (hash) this.hashes?.set(uploadId, stored, hash);
      return stored;
    } finally {
      await file.close();
    }
  }

  /** Returns the size of the session's data file (0 when it has none). */
  async uploadSize(uploadId: string): Promise<number> {
    checkUploadId(uploadId);
    const info = await stat(this.uploadData(uploadId)).catch(ignoreNotFound);
    return info?.size ?? 0;
  }

  /**
   * Hashes the session's bytes (from the cached running hash when it covers exactly the stored size, else by reading
   * the file), and when they match renames the fsynced data file to the blob's path, then removes the session.
   */
  async commitUpload(uploadId: string, digest: string, options: { expectedSize?: number } = {}): Promise<BlobStat> {
    checkUploadId(uploadId);
    const parsed = parseDigest(digest);
    const data = this.uploadData(uploadId);
    const size = await this.uploadSize(uploadId);
    if (options.expectedSize !== undefined && size !== options.expectedSize) {
      throw new BlobDriverError(
        'SIZE_MISMATCH',
        `upload holds ${size} bytes, not the announced ${options.expectedSize}`,
      );
    }
    const cached = parsed.algorithm === CACHED_ALGORITHM ? this.hashes?.take(uploadId, size) : undefined;
    verifyDigest(parsed, cached ?? (await hashFile(data, parsed.algorithm)));

    if (!(await this.stat(digest))) {
      const target = this.path(digest);
      // A 0-byte session may never have had a data file; the blob still needs one.
      const file = await open(data, constants.O_RDWR | constants.O_CREAT);
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(dirname(target), { recursive: true });
      await rename(data, target);
      await syncDir(dirname(target));
    }
    await this.abortUpload(uploadId);
    return { digest, size };
  }

  /** Removes the session's directory; a missing session is not an error. */
  async abortUpload(uploadId: string): Promise<void> {
    checkUploadId(uploadId);
    this.hashes?.delete(uploadId);
    await rm(this.uploadDir(uploadId), { recursive: true, force: true });
  }

  /** Yields every session directory under _uploads/ with its data file's (else the directory's) modification time. */
  async *listUploads(): AsyncIterable<{ uploadId: string; modifiedAt: Date }> {
    for (const uploadId of await subdirs(join(this.root, UPLOADS_DIR))) {
      try {
        checkUploadId(uploadId);
      } catch {
        continue;
      }
      const info =
        (await stat(this.uploadData(uploadId)).catch(ignoreNotFound)) ??
        (await stat(this.uploadDir(uploadId)).catch(ignoreNotFound));
      if (info) yield { uploadId, modifiedAt: info.mtime };
    }
  }

  /** Creates the root if needed and checks it is writable. */
  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  /**
   * Removes temp files of put() writes that have not been touched for `olderThanMs` (left by a crashed process), and
   * returns how many were removed. Live writes keep their file's mtime fresh, so a generous age never hits them.
   */
  async sweepStaleUploads(olderThanMs: number, now = Date.now()): Promise<number> {
    const uploads = join(this.root, UPLOADS_DIR);
    const names = await readdir(uploads).catch(ignoreNotFound);
    let removed = 0;
    for (const name of names ?? []) {
      const info = await stat(join(uploads, name)).catch(ignoreNotFound);
      // Session directories belong to upload sessions, which expire through their rows (listUploads/abortUpload).
      if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
        await rm(join(uploads, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private path(digest: string): string {
    return join(this.root, blobPath(digest));
  }

  private uploadDir(uploadId: string): string {
    return join(this.root, UPLOADS_DIR, uploadId);
  }

  private uploadData(uploadId: string): string {
    return join(this.uploadDir(uploadId), UPLOAD_DATA_FILE);
  }
}

/**
 * Streams a body into an open file from `start` (positional writes, never O_APPEND), passing every chunk through the
 * meter first. Chunks are gathered into batches written with one writev each, one batch in flight while the next
 * gathers; the body is read no further while both are full, which bounds the memory a slow disk can pin. Resolves
 * only once no write is in flight, so a caller that truncates after a failure cannot be overtaken by a late write.
 */
async function writeBody(
  file: FileHandle,
  start: number,
  body: AsyncIterable<Buffer | string>,
  meter: ChunkMeter,
): Promise<void> {
  let position = start;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    inFlight = writeAll(file, batch, position);
    // Observed at once so a failure while the body is read on is not unhandled; the next flush or the end awaits it.
    inFlight.catch(() => undefined);
    position += batchBytes;
    batch = [];
    batchBytes = 0;
  };
  try {
    for await (const data of body) {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      meter.update(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES || batch.length >= WRITE_BATCH_CHUNKS) await flush();
    }
    if (batch.length > 0) await flush();
    await inFlight;
  } finally {
    await inFlight.catch(() => undefined);
  }
}

/** Writes buffers at a position of a file, completing a short writev with further writes. */
async function writeAll(file: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  let written = (await file.writev(buffers, position)).bytesWritten;
  // libuv already retries short writes; one that still falls short is finished from a copy (a rare, slow path).
  const whole = written < total ? Buffer.concat(buffers, total) : undefined;
  while (whole && written < total) {
    written += (await file.write(whole, written, total - written, position + written)).bytesWritten;
  }
}

/** Hashes a file with the given algorithm; a missing file hashes as empty (a session that never received bytes). */
async function hashFile(path: string, algorithm: DigestAlgorithm): Promise<Hash> {
  const hash = createHash(algorithm);
  const file = await open(path, 'r').catch(ignoreNotFound);
  if (!file) return hash;
  try {
    const { size } = await file.stat();
    // One buffer, reused: a fresh one per read would be garbage the collector has to chase (see FileBlobStream).
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(size, FILE_READ_CHUNK_BYTES)));
    for (let position = 0; ;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await file.close();
  }
  return hash;
}

function offsetMismatch(uploadId: string, offset: number, size: number): BlobDriverError {
  return new BlobDriverError(
    'UPLOAD_OFFSET_MISMATCH',
    `upload ${uploadId} holds ${size} bytes; an append must start there, not at ${offset}`,
  );
}

async function subdirs(dir: string): Promise<string[]> {
  const entries: Dirent[] = (await readdir(dir, { withFileTypes: true }).catch(ignoreNotFound)) ?? [];
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function ignoreNotFound(error: unknown): undefined {
  if (isNotFound(error)) return undefined;
  throw error;
}
