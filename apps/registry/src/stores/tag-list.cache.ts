import { type TagPage } from '@berth/db';

/** Bytes of tag-list JSON one replica keeps: 32 MiB holds the full lists of ~1,000 repositories of 2,000 tags. */
export const TAG_LIST_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Full tag lists by repository name, each with the `tags_version` it was read at. An entry is served only after the
 * caller has checked that version against Postgres, so the cache can never answer a stale list, only save the scan.
 * Least recently used entries go first once the byte budget is spent.
 */
export class TagListCache {
  private readonly entries = new Map<string, TagPage>();
  private bytes = 0;

  constructor(private readonly budget = TAG_LIST_CACHE_BYTES) {}

  /** Returns the cached full list when it was read at `version`. */
  get(name: string, version: number): TagPage | undefined {
    const entry = this.entries.get(name);
    if (!entry || entry.tagsVersion !== version) return undefined;
    this.entries.delete(name);
    this.entries.set(name, entry);
    return entry;
  }

  /** Keeps a full list, replacing an older one, and evicts the least recently used beyond the budget. */
  set(name: string, page: TagPage): void {
    this.remove(name);
    if (page.tagsJson.length > this.budget) return;
    this.entries.set(name, page);
    this.bytes += page.tagsJson.length;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.remove(oldest);
    }
  }

  private remove(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    this.bytes -= entry.tagsJson.length;
  }
}
