/*
 * The content discovery workflows of the OCI distribution spec (v1.1, "Content Discovery"), one test per workflow
 * and error case: listing tags with `n` and `last` and the `Link` header, the catalog, and the referrers API.
 */
import { rm } from 'node:fs/promises';
import { MediaType } from '@berth/oci';
import {
  type PushedManifest,
  type RegistryHarness,
  digestOf,
  errorCodes,
  imageManifest,
  pushArtifact,
  pushBlob,
  pushImage,
  pushManifest,
  startRegistryHarness,
} from '../testing/registry-harness';

let h: RegistryHarness;

beforeAll(async () => {
  h = await startRegistryHarness('registry_discovery');
});

afterAll(async () => {
  await h?.close();
});

interface TagList {
  name: string;
  tags: string[];
}

async function tagsOf(path: string): Promise<{ res: Response; body: TagList }> {
  const res = await fetch(`${h.base}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { res, body: (await res.json()) as TagList };
}

/** Points `count` tags `t0000…` at one manifest of the repository straight in SQL, to list many tags quickly. */
async function insertTags(repository: string, manifestDigest: string, count: number): Promise<string[]> {
  await h.sql.query(
    `INSERT INTO tag (repository_id, name, manifest_id)
     SELECT r.id, 't' || lpad(g::text, 4, '0'), m.id FROM repository r JOIN manifest m ON m.repository_id = r.id,
       generate_series(0, $3 - 1) g
     WHERE r.name = $1 AND m.digest = $2`,
    [repository, manifestDigest, count],
  );
  return Array.from({ length: count }, (_, i) => `t${String(i).padStart(4, '0')}`);
}

describe('listing tags', () => {
  const name = 'library/tags';
  // Lexical order of the tag grammar's characters: digits, upper case, `_`, lower case (byte order).
  const ordered = ['1.0', 'V2', '_x', 'a', 'latest', 'v1', 'v1.1', 'v10', 'v2'];

  beforeAll(async () => {
    const image = await pushImage(h.base, name, 'v1', 'tags');
    for (const tag of [...ordered].reverse()) {
      if (tag === 'v1') continue;
      const res = await fetch(`${h.base}/v2/${name}/manifests/${tag}`, {
        method: 'PUT',
        headers: { 'Content-Type': MediaType.OciManifest },
        body: image.body,
      });
      expect(res.status).toBe(201);
    }
  });

  it('answers 200 { name, tags } with every tag in lexical order and no Link', async () => {
    const { res, body } = await tagsOf(`/v2/${name}/tags/list`);
    expect(body).toEqual({ name, tags: ordered });
    expect(res.headers.get('link')).toBeNull();
  });

  it('answers an empty list for a repository without tags', async () => {
    await pushBlob(h.base, 'library/untagged', Buffer.from('only a blob'));
    const { body } = await tagsOf('/v2/library/untagged/tags/list');
    expect(body).toEqual({ name: 'library/untagged', tags: [] });
  });

  it('limits the list to n and links the next page with n and last', async () => {
    const { res, body } = await tagsOf(`/v2/${name}/tags/list?n=3`);
    expect(body.tags).toEqual(ordered.slice(0, 3));
    expect(res.headers.get('link')).toBe(`</v2/${name}/tags/list?n=3&last=_x>; rel="next"`);
  });

  it('starts after last (exclusive), with or without n', async () => {
    expect((await tagsOf(`/v2/${name}/tags/list?n=2&last=latest`)).body.tags).toEqual(['v1', 'v1.1']);
    const { res, body } = await tagsOf(`/v2/${name}/tags/list?last=v1`);
    expect(body.tags).toEqual(['v1.1', 'v10', 'v2']);
    expect(res.headers.get('link')).toBeNull();
  });

  it('answers fewer than n only when no more tags follow, and then without Link', async () => {
    const { res, body } = await tagsOf(`/v2/${name}/tags/list?n=2&last=v10`);
    expect(body.tags).toEqual(['v2']);
    expect(res.headers.get('link')).toBeNull();
    const exact = await tagsOf(`/v2/${name}/tags/list?n=2&last=v1.1`);
    expect(exact.body.tags).toEqual(['v10', 'v2']);
    expect(exact.res.headers.get('link')).toBeNull();
  });

  it('answers n=0 with an empty list and no Link', async () => {
    const { res, body } = await tagsOf(`/v2/${name}/tags/list?n=0`);
    expect(body).toEqual({ name, tags: [] });
    expect(res.headers.get('link')).toBeNull();
  });

  it('answers a last past every tag with an empty list', async () => {
    expect((await tagsOf(`/v2/${name}/tags/list?n=5&last=zzz`)).body.tags).toEqual([]);
  });

  it.each(['-1', 'abc', '1.5', ''])('answers n=%j with 400 UNSUPPORTED', async (n) => {
    const res = await fetch(`${h.base}/v2/${name}/tags/list?n=${n}`);
    expect(res.status).toBe(400);
    expect(await errorCodes(res)).toEqual(['UNSUPPORTED']);
  });

  it('answers a repository that does not exist with 404 NAME_UNKNOWN', async () => {
    const res = await fetch(`${h.base}/v2/library/no-such-repo/tags/list`);
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['NAME_UNKNOWN']);
  });

  it('walks 2,000 tags page by page through the Link header, each tag once and in order', async () => {
    const image = await pushImage(h.base, 'library/many-tags', undefined, 'many');
    const expected = await insertTags('library/many-tags', image.digest, 2000);
    const seen: string[] = [];
    let next: string | null = '/v2/library/many-tags/tags/list?n=300';
    while (next !== null) {
      const { res, body } = await tagsOf(next);
      seen.push(...body.tags);
      next = res.headers.get('link')?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? null;
    }
    expect(seen).toEqual(expected);
    expect((await tagsOf('/v2/library/many-tags/tags/list')).body.tags).toEqual(expected);
  });
});

describe('the catalog', () => {
  beforeAll(async () => {
    for (const repo of ['cat-b', 'cat-a', 'cat-c/nested']) await pushBlob(h.base, `library/${repo}`, Buffer.from(repo));
  });

  it('lists repositories in lexical order', async () => {
    const res = await fetch(`${h.base}/v2/_catalog`);
    expect(res.status).toBe(200);
    const { repositories } = (await res.json()) as { repositories: string[] };
    expect(repositories).toEqual([...repositories].sort());
    expect(repositories).toEqual(expect.arrayContaining(['library/cat-a', 'library/cat-b', 'library/cat-c/nested']));
  });

  it('pages with n and last and links the next page', async () => {
    const first = await fetch(`${h.base}/v2/_catalog?n=2&last=library/cat`);
    expect(((await first.json()) as { repositories: string[] }).repositories).toEqual([
      'library/cat-a',
      'library/cat-b',
    ]);
    expect(first.headers.get('link')).toBe(`</v2/_catalog?n=2&last=library%2Fcat-b>; rel="next"`);
    const second = await fetch(`${h.base}/v2/_catalog?n=1&last=library%2Fcat-b`);
    expect(((await second.json()) as { repositories: string[] }).repositories).toEqual(['library/cat-c/nested']);
  });

  it('answers n=0 with an empty list and no Link', async () => {
    const res = await fetch(`${h.base}/v2/_catalog?n=0`);
    expect(await res.json()).toEqual({ repositories: [] });
    expect(res.headers.get('link')).toBeNull();
  });
});

describe('listing referrers', () => {
  const name = 'library/referrers';
  const SBOM = 'application/vnd.example.sbom.v1';
  const SIGNATURE = 'application/vnd.example.signature.v1';
  let subject: PushedManifest;
  let sbom: PushedManifest;
  let signature: PushedManifest;
  let configTyped: PushedManifest;
  let indexReferrer: PushedManifest;

  interface Index {
    schemaVersion: number;
    mediaType: string;
    manifests: { mediaType: string; digest: string; size: number; artifactType?: string; annotations?: unknown }[];
  }

  async function referrers(path: string): Promise<{ res: Response; index: Index }> {
    const res = await fetch(`${h.base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MediaType.OciIndex);
    return { res, index: (await res.json()) as Index };
  }

  beforeAll(async () => {
    subject = await pushImage(h.base, name, 'v1', 'subject');
    sbom = await pushArtifact(h.base, name, subject.descriptor, SBOM, 'sbom', { 'org.example.format': 'spdx' });
    signature = await pushArtifact(h.base, name, subject.descriptor, SIGNATURE, 'sig', { 'org.example.key': 'k1' });
    // An artifact before OCI 1.1: no artifactType, its type is the config media type.
    const legacyConfig = await pushBlob(h.base, name, Buffer.from('{"sbom":true}'), SBOM);
    configTyped = await pushManifest(h.base, name, undefined, {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: legacyConfig,
      layers: [],
      subject: subject.descriptor,
    });
    // An index referrer without artifactType: its descriptor carries none.
    indexReferrer = await pushManifest(h.base, name, undefined, {
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [sbom.descriptor],
      subject: subject.descriptor,
      annotations: { 'org.example.bundle': 'yes' },
    });
  });

  it('answers an image index of every referrer with artifactType and annotations, in push order', async () => {
    const { index } = await referrers(`/v2/${name}/referrers/${subject.digest}`);
    expect(index.schemaVersion).toBe(2);
    expect(index.mediaType).toBe(MediaType.OciIndex);
    expect(index.manifests).toEqual([
      { ...sbom.descriptor, artifactType: SBOM, annotations: { 'org.example.format': 'spdx' } },
      { ...signature.descriptor, artifactType: SIGNATURE, annotations: { 'org.example.key': 'k1' } },
      { ...configTyped.descriptor, artifactType: SBOM },
      { ...indexReferrer.descriptor, annotations: { 'org.example.bundle': 'yes' } },
    ]);
  });

  it('filters by artifactType and says so in OCI-Filters-Applied', async () => {
    const { res, index } = await referrers(`/v2/${name}/referrers/${subject.digest}?artifactType=${SBOM}`);
    expect(res.headers.get('oci-filters-applied')).toBe('artifactType');
    expect(index.manifests.map((m) => m.digest)).toEqual([sbom.digest, configTyped.digest]);
  });

  it('has no OCI-Filters-Applied header when no filter was asked for', async () => {
    const { res } = await referrers(`/v2/${name}/referrers/${subject.digest}`);
    expect(res.headers.get('oci-filters-applied')).toBeNull();
  });

  it('answers an empty index for a digest no manifest has, and for a filter nothing matches', async () => {
    expect((await referrers(`/v2/${name}/referrers/${digestOf('nothing')}`)).index.manifests).toEqual([]);
    const filtered = await referrers(`/v2/${name}/referrers/${subject.digest}?artifactType=application/none`);
    expect(filtered.index.manifests).toEqual([]);
  });

  it('lists a referrer pushed before its subject, and keeps listing it once the subject is pushed', async () => {
    const later = await imageManifest(h.base, name, 'later');
    const laterDigest = digestOf(JSON.stringify(later));
    const early = await pushArtifact(
      h.base,
      name,
      { mediaType: MediaType.OciManifest, digest: laterDigest, size: Buffer.byteLength(JSON.stringify(later)) },
      SBOM,
      'early',
    );
    expect((await referrers(`/v2/${name}/referrers/${laterDigest}`)).index.manifests.map((m) => m.digest)).toEqual([
      early.digest,
    ]);
    await pushManifest(h.base, name, 'later', later);
    expect((await referrers(`/v2/${name}/referrers/${laterDigest}`)).index.manifests.map((m) => m.digest)).toEqual([
      early.digest,
    ]);
  });

  it('lists only referrers in the same repository', async () => {
    await pushArtifact(h.base, 'library/referrers-other', subject.descriptor, SBOM, 'other');
    const { index } = await referrers(`/v2/${name}/referrers/${subject.digest}`);
    expect(index.manifests).toHaveLength(4);
  });

  it('answers a malformed digest with 400 DIGEST_INVALID and an unknown repository with 404 NAME_UNKNOWN', async () => {
    const bad = await fetch(`${h.base}/v2/${name}/referrers/sha256:xyz`);
    expect(bad.status).toBe(400);
    expect(await errorCodes(bad)).toEqual(['DIGEST_INVALID']);
    const unknown = await fetch(`${h.base}/v2/library/nobody/referrers/${subject.digest}`);
    expect(unknown.status).toBe(404);
    expect(await errorCodes(unknown)).toEqual(['NAME_UNKNOWN']);
  });
});

describe('discovery answers from Postgres', () => {
  it('lists tags, the catalog and referrers with every blob file gone from storage', async () => {
    const subject = await pushImage(h.base, 'library/no-storage', 'v1', 'nostorage');
    const ref = await pushArtifact(h.base, 'library/no-storage', subject.descriptor, 'application/x', 'nostorage');
    await rm(h.blobRoot, { recursive: true, force: true });
    expect((await tagsOf('/v2/library/no-storage/tags/list')).body.tags).toEqual(['v1']);
    const catalog = await fetch(`${h.base}/v2/_catalog`);
    expect(((await catalog.json()) as { repositories: string[] }).repositories).toContain('library/no-storage');
    const res = await fetch(`${h.base}/v2/library/no-storage/referrers/${subject.digest}`);
    expect(((await res.json()) as { manifests: { digest: string }[] }).manifests.map((m) => m.digest)).toEqual([
      ref.digest,
    ]);
  });
});
