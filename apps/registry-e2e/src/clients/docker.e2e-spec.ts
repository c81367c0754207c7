import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DockerEngine, type TestOciImage, buildOciImage, startDockerd } from '@berth/testing';
import { getManifest, sha256, skopeo, useRegistry } from './client-fixtures';

/** The fields of `docker image inspect` the tests read. */
interface DockerImage {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  RootFS: { Layers: string[] };
}

const LOADED = 'berth-e2e/demo:v1';

describe('the docker CLI and a real Docker engine against the registry', () => {
  const registry = useRegistry('docker');
  let engine: DockerEngine;
  let image: TestOciImage;
  let archiveDir: string;
  let loaded: DockerImage;

  const inspect = async (ref: string) => (JSON.parse(await engine.docker('image', 'inspect', ref)) as DockerImage[])[0];
  const imageCount = async () => (await engine.docker('images', '--quiet')).split('\n').filter(Boolean).length;

  beforeAll(async () => {
    image = buildOciImage({ layerCount: 2, tag: 'v1' });
    archiveDir = await mkdtemp(join(tmpdir(), 'berth-e2e-docker-'));
    const archive = join(archiveDir, 'demo.tar');
    await skopeo('copy', `oci:${image.dir}:v1`, `docker-archive:${archive}:${LOADED}`);
    engine = await startDockerd();
    await engine.docker('load', '--quiet', '--input', archive);
    loaded = await inspect(LOADED);
  });

  afterAll(async () => {
    await engine?.stop();
    for (const dir of [image?.dir, archiveDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the offline image with the config and layers it was built from', () => {
    expect(loaded.Id).toBe(image.config.digest);
    expect(loaded.RootFS.Layers).toHaveLength(image.layers.length);
  });

  it('docker tag, push, rmi, pull: RepoDigests is the digest the registry serves', async () => {
    const target = `${registry.host}/library/docker`;
    await engine.docker('tag', LOADED, `${target}:v1`);
    const output = await engine.docker('push', `${target}:v1`);

    const served = await getManifest(registry.host, 'library/docker', 'v1');
    expect(served.status).toBe(200);
    expect(served.contentType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(served.digest).toBe(sha256(served.body));
    expect(output).toContain(`v1: digest: ${served.digest} size: ${served.body.length}`);
    expect((await inspect(`${target}:v1`)).RepoDigests).toContain(`${target}@${served.digest}`);
    const manifest = JSON.parse(served.body.toString()) as { config: { digest: string }; layers: unknown[] };
    expect(manifest.config.digest).toBe(loaded.Id);
    expect(manifest.layers).toHaveLength(image.layers.length);

    await engine.docker('rmi', `${target}:v1`, LOADED);
    expect(await imageCount()).toBe(0);

    await engine.docker('pull', '--quiet', `${target}:v1`);
    const pulled = await inspect(`${target}:v1`);
    expect(pulled.Id).toBe(loaded.Id);
    expect(pulled.RootFS.Layers).toEqual(loaded.RootFS.Layers);
    expect(pulled.RepoDigests).toEqual([`${target}@${served.digest}`]);

    await engine.docker('rmi', `${target}:v1`);
    expect(await imageCount()).toBe(0);
    await engine.docker('pull', '--quiet', `${target}@${served.digest}`);
    const byDigest = await inspect(`${target}@${served.digest}`);
    expect(byDigest.Id).toBe(loaded.Id);
    expect(byDigest.RepoDigests).toEqual([`${target}@${served.digest}`]);
  });

  it('docker pull of an image another client pushed keeps its OCI manifest digest', async () => {
    const target = `${registry.host}/library/from-skopeo`;
    await skopeo('copy', '--dest-tls-verify=false', `oci:${image.dir}:v1`, `docker://${target}:v1`);
    await engine.docker('pull', '--quiet', `${target}:v1`);
    const pulled = await inspect(`${target}:v1`);
    expect(pulled.Id).toBe(image.config.digest);
    expect(pulled.RepoDigests).toContain(`${target}@${image.manifestDigest}`);
  });
});
