/*
 * The content management workflows of the OCI distribution spec (v1.1, "Content Management"), one test per workflow
 * and error case: deleting tags, manifests and blobs, plus this registry's rules for what a delete may not break.
 */
import { randomBytes } from 'node:crypto';
import { MediaType } from '@berth/oci';
import {
  type RegistryHarness,
  digestOf,
  errorCodes,
  errorEntries,
  imageManifest,
  pushArtifact,
  pushBlob,
  pushImage,
  pushManifest,
  putManifest,
  startRegistryHarness,
} from '../testing/registry-harness';

let h: RegistryHarness;

beforeAll(async () => {
  h = await startRegistryHarness('registry_management');
});

afterAll(async () => {
  await h?.close();
});

const del = (path: string) => fetch(`${h.base}/v2/${path}`, { method: 'DELETE' });
const status = async (path: string) => (await fetch(`${h.base}/v2/${path}`, { method: 'HEAD' })).status;
const tagsOf = async (name: string) =>
  ((await (await fetch(`${h.base}/v2/${name}/tags/list`)).json()) as { tags: string[] }).tags;

describe('deleting tags', () => {
  it('answers 202 and removes only the tag: the manifest stays pullable by digest', async () => {
    const name = 'library/del-tag';
    const image = await pushImage(h.base, name, 'v1', 'deltag');
    await putManifest(h.base, name, 'keep', image.body, MediaType.OciManifest);
    const res = await del(`${name}/manifests/v1`);
    expect(res.status).toBe(202);
    expect(await status(`${name}/manifests/v1`)).toBe(404);
    expect(await status(`${name}/manifests/${image.digest}`)).toBe(200);
    expect(await tagsOf(name)).toEqual(['keep']);
  });

  it('answers an unknown tag with 404 MANIFEST_UNKNOWN', async () => {
    await pushImage(h.base, 'library/del-tag-unknown', 'v1', 'unknowntag');
    const res = await del('library/del-tag-unknown/manifests/nope');
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['MANIFEST_UNKNOWN']);
  });
});

describe('deleting manifests', () => {
  it('answers 202; the manifest and every tag pointing at it then answer 404', async () => {
    const name = 'library/del-manifest';
    const image = await pushImage(h.base, name, 'v1', 'delmanifest');
    await putManifest(h.base, name, 'latest', image.body, MediaType.OciManifest);
    const other = await pushImage(h.base, name, 'other', 'delmanifest-other');
    const res = await del(`${name}/manifests/${image.digest}`);
    expect(res.status).toBe(202);
    for (const reference of [image.digest, 'v1', 'latest']) {
      expect(await status(`${name}/manifests/${reference}`)).toBe(404);
    }
    expect(await status(`${name}/manifests/${other.digest}`)).toBe(200);
    expect(await tagsOf(name)).toEqual(['other']);
  });

  it('answers a manifest that does not exist, or no longer does, with 404 MANIFEST_UNKNOWN', async () => {
    const name = 'library/del-twice';
    const image = await pushImage(h.base, name, undefined, 'deltwice');
    expect((await del(`${name}/manifests/${image.digest}`)).status).toBe(202);
    const again = await del(`${name}/manifests/${image.digest}`);
    expect(again.status).toBe(404);
    expect(await errorCodes(again)).toEqual(['MANIFEST_UNKNOWN']);
  });

  it('answers a repository that does not exist with 404 NAME_UNKNOWN', async () => {
    const res = await del(`library/del-nowhere/manifests/${digestOf('x')}`);
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['NAME_UNKNOWN']);
  });

  it('refuses to delete a manifest an index still lists with 409 DENIED naming the index, until the index goes', async () => {
    const name = 'library/del-child';
    const child = await pushManifest(h.base, name, undefined, await imageManifest(h.base, name, 'child'));
    const index = await pushManifest(h.base, name, 'multi', {
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [{ ...child.descriptor, platform: { architecture: 'amd64', os: 'linux' } }],
    });
    const refused = await del(`${name}/manifests/${child.digest}`);
    expect(refused.status).toBe(409);
    const [entry] = await errorEntries(refused);
    expect(entry.code).toBe('DENIED');
    expect(entry.detail).toMatchObject({ digest: child.digest, referencedBy: [index.digest] });
    expect(await status(`${name}/manifests/${child.digest}`)).toBe(200);
    expect(await status(`${name}/manifests/multi`)).toBe(200);

    expect((await del(`${name}/manifests/${index.digest}`)).status).toBe(202);
    expect((await del(`${name}/manifests/${child.digest}`)).status).toBe(202);
  });

  it('refuses to delete an index a parent index lists', async () => {
    const name = 'library/del-nested';
    const leaf = await pushManifest(h.base, name, undefined, await imageManifest(h.base, name, 'leaf'));
    const inner = await pushManifest(h.base, name, undefined, {
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [leaf.descriptor],
    });
    await pushManifest(h.base, name, 'outer', {
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [inner.descriptor],
    });
    const refused = await del(`${name}/manifests/${inner.digest}`);
    expect(refused.status).toBe(409);
    expect(await errorCodes(refused)).toEqual(['DENIED']);
  });

  it('keeps the referrers of a deleted subject listed (subject is a weak reference)', async () => {
    const name = 'library/del-subject';
    const subject = await pushImage(h.base, name, 'v1', 'subject');
    const sbom = await pushArtifact(h.base, name, subject.descriptor, 'application/vnd.example.sbom', 'sbom');
    expect((await del(`${name}/manifests/${subject.digest}`)).status).toBe(202);
    const res = await fetch(`${h.base}/v2/${name}/referrers/${subject.digest}`);
    const index = (await res.json()) as { manifests: { digest: string }[] };
    expect(index.manifests.map((m) => m.digest)).toEqual([sbom.digest]);
    expect(await status(`${name}/manifests/${sbom.digest}`)).toBe(200);
  });

  it('drops a deleted referrer from the referrers list', async () => {
    const name = 'library/del-referrer';
    const subject = await pushImage(h.base, name, 'v1', 'subject2');
    const sbom = await pushArtifact(h.base, name, subject.descriptor, 'application/vnd.example.sbom', 'sbom2');
    const sig = await pushArtifact(h.base, name, subject.descriptor, 'application/vnd.example.sig', 'sig2');
    expect((await del(`${name}/manifests/${sbom.digest}`)).status).toBe(202);
    const res = await fetch(`${h.base}/v2/${name}/referrers/${subject.digest}`);
    const index = (await res.json()) as { manifests: { digest: string }[] };
    expect(index.manifests.map((m) => m.digest)).toEqual([sig.digest]);
  });
});

describe('deleting blobs', () => {
  it('answers 202 and unlinks the blob from the repository; other repositories and the stored bytes keep it', async () => {
    const data = randomBytes(512);
    const blob = await pushBlob(h.base, 'library/del-blob', data);
    await pushBlob(h.base, 'library/del-blob-other', data);
    const res = await del(`library/del-blob/blobs/${blob.digest}`);
    expect(res.status).toBe(202);
    expect(await status(`library/del-blob/blobs/${blob.digest}`)).toBe(404);
    expect(await status(`library/del-blob-other/blobs/${blob.digest}`)).toBe(200);
    const { rows } = await h.sql.query('SELECT size FROM blob WHERE digest = $1', [blob.digest]);
    expect(rows).toEqual([{ size: '512' }]);
  });

  it('answers a blob that is not linked, or no longer is, with 404 BLOB_UNKNOWN', async () => {
    const blob = await pushBlob(h.base, 'library/del-blob-twice', randomBytes(64));
    expect((await del(`library/del-blob-twice/blobs/${blob.digest}`)).status).toBe(202);
    for (const digest of [blob.digest, digestOf('never pushed')]) {
      const res = await del(`library/del-blob-twice/blobs/${digest}`);
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['BLOB_UNKNOWN']);
    }
  });

  it('answers a malformed digest with 400 DIGEST_INVALID', async () => {
    await pushBlob(h.base, 'library/del-blob-bad', randomBytes(8));
    const res = await del('library/del-blob-bad/blobs/sha256:nothex');
    expect(res.status).toBe(400);
    expect(await errorCodes(res)).toEqual(['DIGEST_INVALID']);
  });

  it('lets a later manifest push name the deleted blob only once it is pushed again', async () => {
    const name = 'library/del-blob-repush';
    const manifest = await imageManifest(h.base, name, 'repush');
    const layer = (manifest['layers'] as { digest: string }[])[0];
    expect((await del(`${name}/blobs/${layer.digest}`)).status).toBe(202);
    const refused = await putManifest(h.base, name, 'v1', JSON.stringify(manifest), MediaType.OciManifest);
    expect(refused.status).toBe(400);
    expect(await errorCodes(refused)).toEqual(['MANIFEST_BLOB_UNKNOWN']);
  });

  it('refuses with 409 DENIED while a manifest of the repository references the blob, and unlinks it afterwards', async () => {
    const name = 'library/del-blob-referenced';
    const image = await pushImage(h.base, name, 'v1', 'referenced');
    const layer = (JSON.parse(image.body) as { layers: { digest: string }[] }).layers[0]!;
    const refused = await del(`${name}/blobs/${layer.digest}`);
    expect(refused.status).toBe(409);
    expect(await errorEntries(refused)).toEqual([
      expect.objectContaining({ code: 'DENIED', detail: expect.objectContaining({ referencedBy: [image.digest] }) }),
    ]);
    expect(await status(`${name}/blobs/${layer.digest}`)).toBe(200);
    expect((await del(`${name}/manifests/${image.digest}`)).status).toBe(202);
    expect((await del(`${name}/blobs/${layer.digest}`)).status).toBe(202);
    expect(await status(`${name}/blobs/${layer.digest}`)).toBe(404);
  });
});
