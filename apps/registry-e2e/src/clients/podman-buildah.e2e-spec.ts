import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ContainersStore, createContainersStore } from '@berth/testing';
import { getManifest, sha256, skopeo, useRegistry } from './client-fixtures';

/** The fields of `podman image inspect` the tests read. */
interface PodmanImage {
  Id: string;
  Digest: string;
  RepoDigests: string[];
  Architecture: string;
  RootFS: { Layers: string[] };
}

/** An OCI image index or Docker manifest list, as the tests read them. */
interface ManifestList {
  mediaType: string;
  manifests: { mediaType: string; digest: string; platform: { architecture: string; os: string } }[];
}

const LOCAL_IMAGE = 'localhost/berth-e2e/hello:v1';
const PLATFORMS = ['amd64', 'arm64'];

describe('podman and buildah against the registry', () => {
  const registry = useRegistry('podman');
  /** Where images are built and pushed from. */
  let store: ContainersStore;
  /** A second, empty store images are pulled into, as on another machine. */
  let puller: ContainersStore;
  let local: PodmanImage;

  const noVerify = () => ['--tls-verify=false', '--signature-policy', store.policyPath];
  const inspect = async (ref: string, on = store) =>
    (JSON.parse(await on.podman('image', 'inspect', ref)) as PodmanImage[])[0];
  /** Builds a one-file image from scratch with buildah (no base image, so nothing is fetched) and commits it. */
  const buildScratchImage = async (name: string, content: string, arch = 'amd64') => {
    const container = (await store.buildah('from', 'scratch')).trim();
    await writeFile(join(store.dir, 'hello.txt'), content);
    await store.buildah('copy', container, join(store.dir, 'hello.txt'), '/hello.txt');
    await store.buildah('config', '--arch', arch, '--os', 'linux', '--cmd', '/hello', container);
    await store.buildah('commit', '--quiet', '--format', 'oci', container, name);
    await store.buildah('rm', container);
  };
  const pushedDigest = async (file: string) => (await readFile(join(store.dir, file), 'utf8')).trim();
  const emptyPuller = async () => {
    await puller.podman('rmi', '--all', '--force');
    expect(JSON.parse(await puller.podman('images', '--format', 'json'))).toEqual([]);
  };

  beforeAll(async () => {
    store = await createContainersStore();
    puller = await createContainersStore();
    await buildScratchImage(LOCAL_IMAGE, `hello from buildah ${Date.now()}\n`);
    local = await inspect(LOCAL_IMAGE);
  });

  afterAll(async () => {
    await store?.remove();
    await puller?.remove();
  });

  it('buildah push stores the manifest whose digest buildah reports', async () => {
    const target = `${registry.host}/library/buildah:v1`;
    await store.buildah(
      'push',
      ...noVerify(),
      '--digestfile',
      join(store.dir, 'buildah.digest'),
      LOCAL_IMAGE,
      `docker://${target}`,
    );
    const digest = await pushedDigest('buildah.digest');

    const served = await getManifest(registry.host, 'library/buildah', 'v1');
    expect(served.status).toBe(200);
    expect(served.digest).toBe(digest);
    expect(sha256(served.body)).toBe(digest);
    expect(served.contentType).toBe('application/vnd.oci.image.manifest.v1+json');
    const raw = await skopeo('inspect', '--raw', '--tls-verify=false', `docker://${target}`);
    expect(Buffer.from(raw).equals(served.body)).toBe(true);
  });

  it('podman push, then pull by tag and by digest into another store', async () => {
    const target = `${registry.host}/library/podman`;
    await store.podman('tag', LOCAL_IMAGE, `${target}:v1`);
    await store.podman('push', ...noVerify(), '--digestfile', join(store.dir, 'podman.digest'), `${target}:v1`);
    const digest = await pushedDigest('podman.digest');
    expect((await getManifest(registry.host, 'library/podman', 'v1')).digest).toBe(digest);

    await emptyPuller();
    await puller.podman('pull', '--quiet', ...noVerify(), `${target}:v1`);
    const byTag = await inspect(`${target}:v1`, puller);
    expect(byTag.Digest).toBe(digest);
    expect(byTag.Id).toBe(local.Id);
    expect(byTag.RootFS.Layers).toEqual(local.RootFS.Layers);
    expect(byTag.RepoDigests).toContain(`${target}@${digest}`);

    await emptyPuller();
    await puller.podman('pull', '--quiet', ...noVerify(), `${target}@${digest}`);
    const byDigest = await inspect(`${target}@${digest}`, puller);
    expect(byDigest.Digest).toBe(digest);
    expect(byDigest.Id).toBe(local.Id);
    expect(byDigest.RootFS.Layers).toEqual(local.RootFS.Layers);
  });

  describe('podman manifest push --all', () => {
    const LIST = 'localhost/berth-e2e/multi:list';

    beforeAll(async () => {
      await store.podman('manifest', 'create', LIST);
      for (const arch of PLATFORMS) {
        const name = `localhost/berth-e2e/multi:${arch}`;
        await buildScratchImage(name, `built for ${arch}\n`, arch);
        await store.podman('manifest', 'add', LIST, `containers-storage:${name}`);
      }
    });

    it.each([
      {
        format: 'oci',
        listType: 'application/vnd.oci.image.index.v1+json',
        manifestType: 'application/vnd.oci.image.manifest.v1+json',
      },
      {
        format: 'v2s2',
        listType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifestType: 'application/vnd.docker.distribution.manifest.v2+json',
      },
    ])('pushes every platform in $format format and pulls one back', async ({ format, listType, manifestType }) => {
      const target = `${registry.host}/library/multi-${format}`;
      const digestFile = join(store.dir, `multi-${format}.digest`);
      await store.podman(
        'manifest',
        'push',
        '--all',
        '--format',
        format,
        '--tls-verify=false',
        '--digestfile',
        digestFile,
        LIST,
        `docker://${target}:v1`,
      );
      const digest = (await readFile(digestFile, 'utf8')).trim();

      const served = await getManifest(registry.host, `library/multi-${format}`, 'v1');
      expect(served.status).toBe(200);
      expect(served.digest).toBe(digest);
      expect(sha256(served.body)).toBe(digest);
      expect(served.contentType).toBe(listType);
      const list = JSON.parse(served.body.toString()) as ManifestList;
      expect(list.mediaType).toBe(listType);
      expect(list.manifests.map((m) => m.platform.architecture).sort()).toEqual(PLATFORMS);
      for (const child of list.manifests) {
        expect(child.mediaType).toBe(manifestType);
        const instance = await getManifest(registry.host, `library/multi-${format}`, child.digest);
        expect(instance.status).toBe(200);
        expect(instance.contentType).toBe(manifestType);
        expect(sha256(instance.body)).toBe(child.digest);
      }

      const arm64 = list.manifests.find((m) => m.platform.architecture === 'arm64');
      await puller.podman('pull', '--quiet', '--arch', 'arm64', ...noVerify(), `${target}@${digest}`);
      const pulled = await inspect(`${target}@${digest}`, puller);
      expect(pulled.Architecture).toBe('arm64');
      expect(pulled.RepoDigests).toContain(`${target}@${arm64?.digest}`);
    });
  });
});
