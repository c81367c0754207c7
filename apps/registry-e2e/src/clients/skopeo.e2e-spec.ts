import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestOciImage, buildOciImage, readOciLayoutImage } from '@berth/testing';
import {
  type ArtifactLayout,
  type MultiPlatformLayout,
  buildArtifactLayout,
  buildMultiPlatformLayout,
  getManifest,
  sha256,
  skopeo,
  useRegistry,
} from './client-fixtures';

const ARTIFACT_TYPE = 'application/vnd.berth.test.notes.v1';

/** skopeo's `inspect` output, the fields the tests read. */
interface SkopeoInspect {
  Name: string;
  Digest: string;
  RepoTags: string[];
  Architecture: string;
  Os: string;
  Layers: string[];
}

describe('skopeo against the registry', () => {
  const registry = useRegistry('skopeo');
  const scratch: string[] = [];
  let image: TestOciImage;
  let other: TestOciImage;
  let multi: MultiPlatformLayout;
  let artifact: ArtifactLayout;
  const ref = (name: string, tagOrDigest: string) =>
    `docker://${registry.host}/${name}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`;
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'berth-e2e-skopeo-'));
    scratch.push(dir);
    return dir;
  };

  beforeAll(() => {
    image = buildOciImage({ layerCount: 2, tag: 'v1' });
    other = buildOciImage({ layerCount: 1, tag: 'v1' });
    multi = buildMultiPlatformLayout('multi');
    artifact = buildArtifactLayout('notes', ARTIFACT_TYPE);
    scratch.push(image.dir, other.dir, multi.dir, artifact.dir);
  });

  afterAll(async () => {
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  it('copies an image in and out with identical manifest bytes and digests', async () => {
    await skopeo('copy', '--dest-tls-verify=false', `oci:${image.dir}:v1`, ref('library/skopeo', 'v1'));

    const raw = await skopeo('inspect', '--raw', '--tls-verify=false', ref('library/skopeo', 'v1'));
    expect(Buffer.from(raw)).toEqual(image.manifest);
    const head = await getManifest(registry.host, 'library/skopeo', 'v1');
    expect(head.status).toBe(200);
    expect(head.digest).toBe(image.manifestDigest);
    expect(head.contentType).toBe('application/vnd.oci.image.manifest.v1+json');

    const out = await tempDir();
    await skopeo('copy', '--src-tls-verify=false', ref('library/skopeo', 'v1'), `oci:${out}:v1`);
    const pulled = readOciLayoutImage(out, 'v1');
    expect(pulled.digest).toBe(image.manifestDigest);
    expect(pulled.manifest.equals(image.manifest)).toBe(true);
    expect(pulled.configDigest).toBe(image.config.digest);
    expect(pulled.layerDigests).toEqual(image.layers.map((layer) => layer.digest));
  });

  it('copies by digest from one repository to another inside the registry', async () => {
    await skopeo(
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      ref('library/skopeo', image.manifestDigest),
      ref('library/skopeo-copy', 'v1'),
    );
    const copied = await getManifest(registry.host, 'library/skopeo-copy', 'v1');
    expect(copied.status).toBe(200);
    expect(copied.digest).toBe(image.manifestDigest);
    expect(copied.body.equals(image.manifest)).toBe(true);
  });

  it('inspects an image: digest, platform, layers and the repository tags', async () => {
    const inspected = JSON.parse(
      await skopeo('inspect', '--tls-verify=false', ref('library/skopeo', 'v1')),
    ) as SkopeoInspect;
    expect(inspected.Name).toBe(`${registry.host}/library/skopeo`);
    expect(inspected.Digest).toBe(image.manifestDigest);
    expect(inspected.Architecture).toBe('amd64');
    expect(inspected.Os).toBe('linux');
    expect(inspected.Layers).toEqual(image.layers.map((layer) => layer.digest));
    expect(inspected.RepoTags).toEqual(['v1']);
  });

  it('copies a multi-platform index with --all and pulls every platform back', async () => {
    await skopeo('copy', '--all', '--dest-tls-verify=false', `oci:${multi.dir}:multi`, ref('library/multi', 'v1'));

    const raw = await skopeo('inspect', '--raw', '--tls-verify=false', ref('library/multi', 'v1'));
    expect(Buffer.from(raw)).toEqual(multi.index);
    const head = await getManifest(registry.host, 'library/multi', 'v1');
    expect(head.digest).toBe(multi.indexDigest);
    expect(head.contentType).toBe('application/vnd.oci.image.index.v1+json');
    for (const child of multi.manifests) {
      const res = await getManifest(registry.host, 'library/multi', child.digest);
      expect(res.status).toBe(200);
      expect(res.body.equals(child.manifest)).toBe(true);
    }

    const arm64 = JSON.parse(
      await skopeo(
        '--override-arch',
        'arm64',
        'inspect',
        '--no-tags',
        '--tls-verify=false',
        ref('library/multi', 'v1'),
      ),
    ) as SkopeoInspect;
    expect(arm64.Architecture).toBe('arm64');
    // skopeo reports the digest of what the reference names (the index) and the platform's own config and layers.
    expect(arm64.Digest).toBe(multi.indexDigest);
    const arm64Manifest = multi.manifests.find((m) => m.architecture === 'arm64')?.manifest.toString() ?? '{}';
    expect(arm64.Layers).toEqual(
      (JSON.parse(arm64Manifest) as { layers: { digest: string }[] }).layers.map((l) => l.digest),
    );

    const out = await tempDir();
    await skopeo('copy', '--all', '--src-tls-verify=false', ref('library/multi', 'v1'), `oci:${out}:multi`);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    expect(index.manifests.map((m) => m.digest)).toEqual([multi.indexDigest]);
    const blob = (digest: string) => readFileSync(join(out, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    expect(blob(multi.indexDigest).equals(multi.index)).toBe(true);
    for (const child of multi.manifests) expect(blob(child.digest).equals(child.manifest)).toBe(true);
  });

  it('lists the tags of a repository', async () => {
    await skopeo(
      'copy',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      ref('library/skopeo', 'v1'),
      ref('library/skopeo', 'v2'),
    );
    const listed = JSON.parse(
      await skopeo('list-tags', '--tls-verify=false', `docker://${registry.host}/library/skopeo`),
    ) as {
      Repository: string;
      Tags: string[];
    };
    expect(listed.Repository).toBe(`${registry.host}/library/skopeo`);
    expect(listed.Tags).toEqual(['v1', 'v2']);
  });

  it('deletes a manifest: it and its tag answer 404 afterwards, other manifests stay', async () => {
    await skopeo('copy', '--dest-tls-verify=false', `oci:${other.dir}:v1`, ref('library/skopeo', 'doomed'));
    expect((await getManifest(registry.host, 'library/skopeo', 'doomed')).digest).toBe(other.manifestDigest);

    await skopeo('delete', '--tls-verify=false', ref('library/skopeo', 'doomed'));

    const byDigest = await getManifest(registry.host, 'library/skopeo', other.manifestDigest);
    expect(byDigest.status).toBe(404);
    expect(JSON.parse(byDigest.body.toString()).errors[0].code).toBe('MANIFEST_UNKNOWN');
    expect((await getManifest(registry.host, 'library/skopeo', 'doomed')).status).toBe(404);
    await expect(skopeo('inspect', '--raw', '--tls-verify=false', ref('library/skopeo', 'doomed'))).rejects.toThrow(
      /manifest unknown/i,
    );
    const kept = await getManifest(registry.host, 'library/skopeo', 'v1');
    expect(kept.status).toBe(200);
    expect(kept.digest).toBe(image.manifestDigest);
    const listed = JSON.parse(
      await skopeo('list-tags', '--tls-verify=false', `docker://${registry.host}/library/skopeo`),
    ) as {
      Tags: string[];
    };
    expect(listed.Tags).toEqual(['v1', 'v2']);
  });

  it('copies an OCI artifact with --preserve-digests both ways', async () => {
    await skopeo(
      'copy',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${artifact.dir}:notes`,
      ref('library/artifact', 'notes'),
    );
    const served = await getManifest(registry.host, 'library/artifact', 'notes');
    expect(served.status).toBe(200);
    expect(served.digest).toBe(artifact.manifestDigest);
    expect(served.body.equals(artifact.manifest)).toBe(true);
    expect(JSON.parse(served.body.toString()).artifactType).toBe(ARTIFACT_TYPE);
    const payload = await fetch(`http://${registry.host}/v2/library/artifact/blobs/${artifact.payloadDigest}`);
    expect(Buffer.from(await payload.arrayBuffer()).equals(artifact.payload)).toBe(true);

    const out = await tempDir();
    await skopeo(
      'copy',
      '--preserve-digests',
      '--src-tls-verify=false',
      ref('library/artifact', artifact.manifestDigest),
      `oci:${out}:notes`,
    );
    const blob = (digest: string) => readFileSync(join(out, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    expect(sha256(blob(artifact.manifestDigest))).toBe(artifact.manifestDigest);
    expect(blob(artifact.payloadDigest).equals(artifact.payload)).toBe(true);
  });
});
