import { createHash, type Hash } from 'node:crypto';
import { type DigestAlgorithm } from './layout';

/**
 * How many sessions' running hashes a process keeps: a node Hash state is a few hundred bytes, so 1,024 entries cost
 * well under a megabyte while covering far more concurrent chunked uploads than one replica serves.
 */
export const DEFAULT_HASH_CACHE_ENTRIES = 1024;

/** The algorithm whose running hash appends keep: sha256, the digest nearly every client pushes with. */
export const CACHED_ALGORITHM: DigestAlgorithm = 'sha256';

interface Entry {
  offset: number;
  hash: Hash;
}

/**
 * A bounded (LRU) in-process cache of each upload session's running hash, keyed by (upload id, offset). It only saves
 * re-reading a session's bytes at commit: an entry is used only when its offset equals the size storage reports, and
 * a miss (another replica appended, the process restarted, the entry was evicted) means rehashing from storage.
 */
export class UploadHashCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = DEFAULT_HASH_CACHE_ENTRIES) {}

  /** Returns a copy of the running hash of the session's first `offset` bytes, or undefined when not known here. */
  take(uploadId: string, offset: number): Hash | undefined {
    if (offset === 0) return createHash(CACHED_ALGORITHM);
    const entry = this.entries.get(uploadId);
    if (!entry || entry.offset !== offset) return undefined;
    this.entries.delete(uploadId);
    this.entries.set(uploadId, entry);
    return entry.hash.copy();
  }

  /** Records the running hash of the session's first `offset` bytes, evicting the least recently used entry if full. */
  set(uploadId: string, offset: number, hash: Hash): void {
    this.entries.delete(uploadId);
    this.entries.set(uploadId, { offset, hash });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forgets a session (committed or aborted). */
  delete(uploadId: string): void {
    this.entries.delete(uploadId);
  }
}
