/*
 * The pull workflows of the OCI distribution spec (v1.1, "Pull"), one test per workflow and error case: manifests by
 * tag and digest with GET and HEAD, content negotiation from Accept, blobs whole and by range, and the errors.
 */
import { randomBytes } from 'node:crypto';
import { MediaType } from '@berth/oci';
import {
  type RegistryHarness,
  digestOf,
  errorCodes,
  imageManifest,
  pushBlob,
  pushImage,
  pushManifest,
  putManifest,
  startRegistryHarness,
} from '../testing/registry-harness';

const DOCKER_ACCEPT = [
  MediaType.DockerManifest,
  MediaType.DockerManifestList,
  MediaType.OciManifest,
  MediaType.OciIndex,
].join(', ');

let h: RegistryHarness;

beforeAll(async () => {
  h = await startRegistryHarness('registry_pull');
});

afterAll(async () => {
  await h?.close();
});

describe('pulling manifests', () => {
  it('GET by tag answers 200 with the exact bytes, the stored Content-Type, Docker-Content-Digest and length', async () => {
    const image = await pushImage(h.base, 'library/pull-tag', 'v1', 'tag');
    const res = await fetch(`${h.base}/v2/library/pull-tag/manifests/v1`, { headers: { Accept: DOCKER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MediaType.OciManifest);
    expect(res.headers.get('docker-content-digest')).toBe(image.digest);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(image.body)));
    expect(await res.text()).toBe(image.body);
  });

  it('GET by digest answers the same manifest', async () => {
    const image = await pushImage(h.base, 'library/pull-digest', 'v1', 'digest');
    const res = await fetch(`${h.base}/v2/library/pull-digest/manifests/${image.digest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(image.digest);
    expect(digestOf(Buffer.from(await res.arrayBuffer()))).toBe(image.digest);
  });

  it('HEAD by tag and by digest answers 200 with the headers and no body', async () => {
    const image = await pushImage(h.base, 'library/pull-head', 'v1', 'head');
    for (const reference of ['v1', image.digest]) {
      const res = await fetch(`${h.base}/v2/library/pull-head/manifests/${reference}`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(MediaType.OciManifest);
      expect(res.headers.get('docker-content-digest')).toBe(image.digest);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(image.body)));
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it('serves a Docker schema 2 manifest and manifest list with their own media types', async () => {
    const name = 'library/pull-docker';
    const config = await pushBlob(h.base, name, Buffer.from('{"os":"linux"}'), MediaType.DockerConfig);
    const layer = await pushBlob(h.base, name, randomBytes(100), MediaType.DockerLayer);
    const manifest = await pushManifest(h.base, name, 'single', {
      schemaVersion: 2,
      mediaType: MediaType.DockerManifest,
      config,
      layers: [layer],
    });
    await pushManifest(h.base, name, 'list', {
      schemaVersion: 2,
      mediaType: MediaType.DockerManifestList,
      manifests: [{ ...manifest.descriptor, platform: { architecture: 'amd64', os: 'linux' } }],
    });
    const single = await fetch(`${h.base}/v2/${name}/manifests/single`, { headers: { Accept: DOCKER_ACCEPT } });
    expect(single.headers.get('content-type')).toBe(MediaType.DockerManifest);
    const list = await fetch(`${h.base}/v2/${name}/manifests/list`, { headers: { Accept: DOCKER_ACCEPT } });
    expect(list.headers.get('content-type')).toBe(MediaType.DockerManifestList);
  });

  describe('content negotiation', () => {
    const name = 'library/pull-negotiation';
    let index: Awaited<ReturnType<typeof pushManifest>>;

    beforeAll(async () => {
      const child = await pushManifest(h.base, name, undefined, await imageManifest(h.base, name, 'negotiation'));
      index = await pushManifest(h.base, name, 'multi', {
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [{ ...child.descriptor, platform: { architecture: 'amd64', os: 'linux' } }],
      });
    });

    it.each([
      ['no Accept header', undefined],
      ['the exact media type', MediaType.OciIndex],
      ["docker's list of manifest types", DOCKER_ACCEPT],
      ['*/*', '*/*'],
      ['application/* with a weight', 'application/*;q=0.8'],
    ])('serves the stored index to a client sending %s', async (_case, accept) => {
      const res = await fetch(`${h.base}/v2/${name}/manifests/multi`, {
        headers: accept === undefined ? {} : { Accept: accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(MediaType.OciIndex);
      expect(await res.text()).toBe(index.body);
    });

    it.each([
      ['only image manifests', `${MediaType.OciManifest}, ${MediaType.DockerManifest}`],
      ['the index type refused with q=0', `*/*, ${MediaType.OciIndex};q=0`],
      ['an unrelated type', 'text/html'],
    ])('answers 404 MANIFEST_UNKNOWN, never another type, to a client accepting %s', async (_case, accept) => {
      for (const method of ['GET', 'HEAD']) {
        const res = await fetch(`${h.base}/v2/${name}/manifests/multi`, { method, headers: { Accept: accept } });
        expect(res.status).toBe(404);
        expect(res.headers.get('docker-content-digest')).toBeNull();
        if (method === 'GET') expect(await errorCodes(res)).toEqual(['MANIFEST_UNKNOWN']);
      }
    });

    it('says Vary: Accept, since the answer depends on it', async () => {
      const res = await fetch(`${h.base}/v2/${name}/manifests/${index.digest}`, { method: 'HEAD' });
      expect(res.headers.get('vary')).toBe('Accept');
    });
  });

  it('answers an unknown tag or digest with 404 MANIFEST_UNKNOWN', async () => {
    await pushImage(h.base, 'library/pull-unknown', 'v1', 'unknown');
    for (const reference of ['nope', digestOf('nothing'), digestOf('nothing', 'sha512')]) {
      const res = await fetch(`${h.base}/v2/library/pull-unknown/manifests/${reference}`);
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['MANIFEST_UNKNOWN']);
    }
  });

  it('answers a repository that does not exist with 404 NAME_UNKNOWN and an invalid name with 400 NAME_INVALID', async () => {
    const unknown = await fetch(`${h.base}/v2/library/never-pushed/manifests/latest`);
    expect(unknown.status).toBe(404);
    expect(await errorCodes(unknown)).toEqual(['NAME_UNKNOWN']);
    const invalid = await fetch(`${h.base}/v2/Library/UPPER/manifests/latest`);
    expect(invalid.status).toBe(400);
    expect(await errorCodes(invalid)).toEqual(['NAME_INVALID']);
  });

  it('does not serve a manifest of another repository', async () => {
    const image = await pushImage(h.base, 'library/pull-a', 'v1', 'isolation');
    await pushImage(h.base, 'library/pull-b', 'v1', 'other');
    const res = await fetch(`${h.base}/v2/library/pull-b/manifests/${image.digest}`);
    expect(res.status).toBe(404);
    expect(await errorCodes(res)).toEqual(['MANIFEST_UNKNOWN']);
  });

  it('serves a manifest pushed by its sha512 digest under that digest', async () => {
    const manifest = await imageManifest(h.base, 'library/pull-sha512', 'sha512');
    const body = JSON.stringify(manifest);
    const digest = digestOf(body, 'sha512');
    const put = await putManifest(h.base, 'library/pull-sha512', digest, body, MediaType.OciManifest);
    expect(put.status).toBe(201);
    expect(put.headers.get('docker-content-digest')).toBe(digest);
    const res = await fetch(`${h.base}/v2/library/pull-sha512/manifests/${digest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect(await res.text()).toBe(body);
  });
});

describe('pulling blobs', () => {
  const name = 'library/pull-blobs';
  const data = randomBytes(1000);
  let digest: string;

  beforeAll(async () => {
    digest = (await pushBlob(h.base, name, data)).digest;
  });

  it('GET answers 200 with the bytes and Docker-Content-Digest matching them', async () => {
    const res = await fetch(`${h.base}/v2/${name}/blobs/${digest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it('HEAD answers 200 with the length and no body', async () => {
    const res = await fetch(`${h.base}/v2/${name}/blobs/${digest}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=900-', 900, 999],
    ['bytes=-10', 990, 999],
    ['bytes=990-5000', 990, 999],
  ])('Range %s answers 206 with Content-Range and exactly those bytes', async (range, start, end) => {
    const res = await fetch(`${h.base}/v2/${name}/blobs/${digest}`, { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers.get('content-length')).toBe(String(end - start + 1));
    expect(Buffer.from(await res.arrayBuffer()).equals(data.subarray(start, end + 1))).toBe(true);
  });

  it('answers a Range starting beyond the end with 416 and Content-Range bytes */size', async () => {
    const res = await fetch(`${h.base}/v2/${name}/blobs/${digest}`, { headers: { Range: 'bytes=1000-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('answers an unknown blob with 404 BLOB_UNKNOWN, also one linked only into another repository', async () => {
    for (const path of [`${name}/blobs/${digestOf('absent')}`, `library/pull-a/blobs/${digest}`]) {
      const res = await fetch(`${h.base}/v2/${path}`);
      expect(res.status).toBe(404);
      expect(await errorCodes(res)).toEqual(['BLOB_UNKNOWN']);
    }
  });

  it('answers a malformed or unsupported digest with 400 DIGEST_INVALID', async () => {
    for (const bad of ['sha256:short', `md5:${'a'.repeat(32)}`]) {
      const res = await fetch(`${h.base}/v2/${name}/blobs/${bad}`);
      expect(res.status).toBe(400);
      expect(await errorCodes(res)).toEqual(['DIGEST_INVALID']);
    }
  });

  it('serves a blob pushed under a sha512 digest', async () => {
    const bytes = randomBytes(300);
    const blob = await pushBlob(h.base, name, bytes, MediaType.OciLayerTarGzip, 'sha512');
    const res = await fetch(`${h.base}/v2/${name}/blobs/${blob.digest}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('docker-content-digest')).toBe(blob.digest);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
