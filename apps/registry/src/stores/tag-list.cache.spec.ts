import { type TagPage } from '@berth/db';
import { TagListCache } from './tag-list.cache';

const page = (tags: string[], tagsVersion: number): TagPage => ({
  repositoryId: 1,
  tagsJson: JSON.stringify(tags),
  lastTag: null,
  more: false,
  tagsVersion,
});

describe('TagListCache', () => {
  it('serves a list only at the version it was read at', () => {
    const cache = new TagListCache();
    cache.set('library/a', page(['v1'], 3));
    expect(cache.get('library/a', 3)?.tagsJson).toBe('["v1"]');
    expect(cache.get('library/a', 4)).toBeUndefined();
    expect(cache.get('library/b', 3)).toBeUndefined();
  });

  it('replaces an older list of the same repository', () => {
    const cache = new TagListCache();
    cache.set('library/a', page(['v1'], 3));
    cache.set('library/a', page(['v1', 'v2'], 4));
    expect(cache.get('library/a', 3)).toBeUndefined();
    expect(cache.get('library/a', 4)?.tagsJson).toBe('["v1","v2"]');
  });

  it('evicts the least recently used lists beyond its byte budget', () => {
    const cache = new TagListCache(20);
    cache.set('a', page(['aaaa'], 1)); // 8 bytes
    cache.set('b', page(['bbbb'], 1)); // 8 bytes
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recently used
    cache.set('c', page(['cccc'], 1)); // 24 bytes in all: b goes
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
  });

  it('does not keep a list larger than the whole budget', () => {
    const cache = new TagListCache(4);
    cache.set('a', page(['too long'], 1));
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
