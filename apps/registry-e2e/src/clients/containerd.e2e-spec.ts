import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ContainerdService, type TestOciImage, buildOciImage, startContainerd } from '@berth/testing';
import {
  type MultiPlatformLayout,
  buildMultiPlatformLayout,
  getManifest,
  skopeo,
  useRegistry,
} from './client-fixtures';

/** One row of `ctr images ls`: REF TYPE DIGEST SIZE… */
interface CtrImage {
  ref: string;
  mediaType: string;
  digest: string;
}

describe("containerd's ctr against the registry", () => {
  const registry = useRegistry('containerd');
  let containerd: ContainerdService;
  let image: TestOciImage;
  let multi: MultiPlatformLayout;
  let archiveDir: string;

  const images = async (): Promise<CtrImage[]> =>
    (await containerd.ctr('images', 'ls'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((row) => {
        const [ref = '', mediaType = '', digest = ''] = row.split(/\s+/);
        return { ref, mediaType, digest };
      });
  const contentDigests = async () => (await containerd.ctr('content', 'ls', '--quiet')).split('\n').filter(Boolean);
  const layerFile = (digest: string) =>
    readFileSync(join(image.dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));

  beforeAll(async () => {
    image = buildOciImage({ layerCount: 2, tag: 'v1' });
    multi = buildMultiPlatformLayout('multi');
    archiveDir = await mkdtemp(join(tmpdir(), 'berth-e2e-ctr-'));
    containerd = await startContainerd();
  });

  afterAll(async () => {
    await containerd?.stop();
    for (const dir of [image?.dir, multi?.dir, archiveDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ctr push sends the imported manifest unchanged, and ctr pull by tag fetches it back', async () => {
    const ref = `${registry.host}/library/ctr:v1`;
    const archive = join(archiveDir, 'ctr.tar');
    await skopeo('copy', `oci:${image.dir}:v1`, `oci-archive:${archive}:${ref}`);
    await containerd.ctr('images', 'import', '--no-unpack', archive);
    expect(await images()).toEqual([
      { ref, mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest },
    ]);

    await containerd.ctr('images', 'push', '--plain-http', ref);
    const served = await getManifest(registry.host, 'library/ctr', 'v1');
    expect(served.status).toBe(200);
    expect(served.digest).toBe(image.manifestDigest);
    expect(served.body.equals(image.manifest)).toBe(true);

    await containerd.ctr('images', 'rm', '--sync', ref);
    const stored = await contentDigests();
    if (stored.length > 0) await containerd.ctr('content', 'rm', ...stored);
    expect(await contentDigests()).toEqual([]);

    await containerd.ctr('images', 'pull', '--plain-http', ref);
    expect(await images()).toEqual([
      { ref, mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest },
    ]);
    expect((await containerd.ctrBytes('content', 'get', image.manifestDigest)).equals(image.manifest)).toBe(true);
    for (const layer of image.layers) {
      expect((await containerd.ctrBytes('content', 'get', layer.digest)).equals(layerFile(layer.digest))).toBe(true);
    }
    expect(await containerd.ctr('images', 'check')).toMatch(/complete \(3\/3\)/);
  });

  it('ctr pull --all-platforms fetches a multi-platform index another client pushed', async () => {
    const ref = `${registry.host}/library/ctr-multi:v1`;
    await skopeo('copy', '--all', '--dest-tls-verify=false', `oci:${multi.dir}:multi`, `docker://${ref}`);

    await containerd.ctr('images', 'pull', '--plain-http', '--all-platforms', ref);
    expect((await images()).find((row) => row.ref === ref)).toEqual({
      ref,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: multi.indexDigest,
    });
    expect((await containerd.ctrBytes('content', 'get', multi.indexDigest)).equals(multi.index)).toBe(true);
    for (const child of multi.manifests) {
      expect((await containerd.ctrBytes('content', 'get', child.digest)).equals(child.manifest)).toBe(true);
    }
  });
});
