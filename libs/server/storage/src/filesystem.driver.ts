import { randomUUID } from 'node:crypto';
import { constants, createWriteStream, type Dirent } from 'node:fs';
import { access, mkdir, open, opendir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, addAbortSignal } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobDriver, BlobDriverError, type BlobStat, type ByteRange, type PutBlobOptions } from './blob-driver';
import { DigestMeter, drainAndVerify } from './digest-meter';
import { BLOBS_PREFIX, UPLOADS_DIR, blobPath, digestFromBlobPath } from './layout';
import { checkRange } from './range';

/** Stores blobs as files under a root directory, in the layout described in layout.ts. */
export class FilesystemBlobDriver implements BlobDriver {
  readonly kind = 'filesystem';

  constructor(private readonly root: string) {}

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
      // flush: fsync before close, so the rename below never publishes a blob whose bytes are not on disk.
      await pipeline(body, meter, createWriteStream(temp, { flags: 'wx', flush: true }));
      meter.verify();
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

  /** Opens a read stream over the blob or an inclusive range of it; the file stays readable even if deleted meanwhile. */
  async get(digest: string, range?: ByteRange): Promise<Readable> {
    let file;
    try {
      file = await open(this.path(digest), 'r');
    } catch (error) {
      if (isNotFound(error)) throw new BlobDriverError('BLOB_NOT_FOUND', `blob ${digest} not found`);
      throw error;
    }
    try {
      if (!range) return file.createReadStream();
      const { size } = await file.stat();
      checkRange(range, size);
      return file.createReadStream({ start: range.start, end: Math.min(range.end, size - 1) });
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

  /** Creates the root if needed and checks it is writable. */
  async ping(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  /**
   * Removes temp files of writes that have not been touched for `olderThanMs` (left by a crashed process), and
   * returns how many were removed. Live writes keep their file's mtime fresh, so a generous age never hits them.
   */
  async sweepStaleUploads(olderThanMs: number, now = Date.now()): Promise<number> {
    const uploads = join(this.root, UPLOADS_DIR);
    const names = await readdir(uploads).catch(ignoreNotFound);
    let removed = 0;
    for (const name of names ?? []) {
      const info = await stat(join(uploads, name)).catch(ignoreNotFound);
      if (info && now - info.mtimeMs > olderThanMs) {
        await rm(join(uploads, name), { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  private path(digest: string): string {
    return join(this.root, blobPath(digest));
  }
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
