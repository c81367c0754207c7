/*
 * What the registry checks on a manifest push (distribution-spec v1.1 "Pushing Manifests", image-spec manifest and
 * index) and OCI 1.1 artifacts: artifactType, the empty config descriptor, subject and the OCI-Subject header. Every
 * refused push is checked to have stored nothing.
 */
import { MediaType } from '@berth/oci';
import {
  EMPTY_JSON,
  type RegistryHarness,
  digestOf,
  errorCodes,
  errorEntries,
  imageManifest,
  pushBlob,
  pushImage,
  pushManifest,
  putManifest,
  startRegistryHarness,
} from '../testing/registry-harness';

/** The manifest size limit: the 4 MiB the distribution spec asks registries to accept at least. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;

let h: RegistryHarness;

beforeAll(async () => {
  h = await startRegistryHarness('registry_artifacts');
});

afterAll(async () => {
  await h?.close();
});

async function manifestCount(): Promise<number> {
  const { rows } = await h.sql.query('SELECT count(*)::int AS n FROM manifest');
  return rows[0].n;
}

/** PUTs a body expected to be refused with `status` and `code`, and checks that no manifest row appeared. */
async function expectRefused(
  name: string,
  reference: string,
  body: string | Buffer,
  contentType: string,
  status: number,
  code: string,
): Promise<Response> {
  const before = await manifestCount();
  const res = await putManifest(h.base, name, reference, body, contentType);
  expect(res.status).toBe(status);
  expect(await errorCodes(res.clone())).toContain(code);
  expect(await manifestCount()).toBe(before);
  return res;
}

describe('OCI 1.1 artifacts', () => {
  const name = 'library/artifacts';

  it('stores an artifact with artifactType and the empty config, answers OCI-Subject, and serves it byte for byte', async () => {
    const subject = await pushImage(h.base, name, 'v1', 'subject');
    const config = await pushBlob(h.base, name, EMPTY_JSON, MediaType.OciEmpty);
    const layer = await pushBlob(h.base, name, Buffer.from('{"spdx":true}'), 'application/spdx+json');
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/vnd.example.sbom.v1',
      config,
      layers: [layer],
      subject: subject.descriptor,
      annotations: { 'org.opencontainers.image.created': '2025-01-01T00:00:00Z' },
    });
    const digest = digestOf(body);
    const res = await putManifest(h.base, name, digest, body, MediaType.OciManifest);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v2/${name}/manifests/${digest}`);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    expect(res.headers.get('oci-subject')).toBe(subject.digest);
    const get = await fetch(`${h.base}/v2/${name}/manifests/${digest}`);
    expect(await get.text()).toBe(body);
  });

  it('accepts a subject that does not exist and still answers OCI-Subject', async () => {
    const absent = { mediaType: MediaType.OciManifest, digest: digestOf('not pushed'), size: 10 };
    const config = await pushBlob(h.base, name, EMPTY_JSON, MediaType.OciEmpty);
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/vnd.example.sig',
      config,
      layers: [],
      subject: absent,
    });
    const res = await putManifest(h.base, name, digestOf(body), body, MediaType.OciManifest);
    expect(res.status).toBe(201);
    expect(res.headers.get('oci-subject')).toBe(absent.digest);
  });

  it('answers no OCI-Subject for a manifest without a subject', async () => {
    const manifest = await imageManifest(h.base, name, 'plain');
    const res = await putManifest(h.base, name, 'plain', JSON.stringify(manifest), MediaType.OciManifest);
    expect(res.status).toBe(201);
    expect(res.headers.get('oci-subject')).toBeNull();
  });

  it('accepts an index with artifactType and a subject', async () => {
    const subject = await pushImage(h.base, name, undefined, 'index-subject');
    const child = await pushImage(h.base, name, undefined, 'index-child');
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      artifactType: 'application/vnd.example.bundle',
      manifests: [child.descriptor],
      subject: subject.descriptor,
    });
    const res = await putManifest(h.base, name, digestOf(body), body, MediaType.OciIndex);
    expect(res.status).toBe(201);
    expect(res.headers.get('oci-subject')).toBe(subject.digest);
  });

  it('refuses the empty config without artifactType with 400 MANIFEST_INVALID', async () => {
    const config = await pushBlob(h.base, name, EMPTY_JSON, MediaType.OciEmpty);
    const body = JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [] });
    await expectRefused(name, 'untyped', body, MediaType.OciManifest, 400, 'MANIFEST_INVALID');
  });
});

describe('manifest validation', () => {
  const name = 'library/validation';
  let manifest: { mediaType: string } & Record<string, unknown>;

  beforeAll(async () => {
    manifest = await imageManifest(h.base, name, 'validation');
  });

  it.each([
    ['a body that is not JSON', '{"schemaVersion": 2,'],
    ['a JSON array', '[]'],
    ['a wrong schemaVersion', JSON.stringify({ schemaVersion: 1, mediaType: MediaType.OciManifest })],
    ['a descriptor without a digest', JSON.stringify({ schemaVersion: 2, config: { mediaType: 'a/b', size: 1 } })],
  ])('refuses %s with 400 MANIFEST_INVALID', async (_case, body) => {
    await expectRefused(name, 'bad', body, MediaType.OciManifest, 400, 'MANIFEST_INVALID');
  });

  it('refuses a body whose mediaType differs from the Content-Type with 400 MANIFEST_INVALID', async () => {
    await expectRefused(name, 'mismatch', JSON.stringify(manifest), MediaType.DockerManifest, 400, 'MANIFEST_INVALID');
  });

  it('refuses an image manifest sent as an index with 400 MANIFEST_INVALID', async () => {
    const { mediaType: _omitted, ...untyped } = manifest;
    await expectRefused(name, 'shape', JSON.stringify(untyped), MediaType.OciIndex, 400, 'MANIFEST_INVALID');
  });

  it('refuses references to blobs not in the repository with one MANIFEST_BLOB_UNKNOWN per missing digest', async () => {
    const missing = [digestOf('missing config'), digestOf('missing layer')];
    const body = JSON.stringify({
      ...manifest,
      config: { mediaType: MediaType.OciConfig, digest: missing[0], size: 14 },
      layers: [{ mediaType: MediaType.OciLayerTarGzip, digest: missing[1], size: 13 }],
    });
    const res = await expectRefused(name, 'missing', body, MediaType.OciManifest, 400, 'MANIFEST_BLOB_UNKNOWN');
    const entries = await errorEntries(res);
    expect(entries.map((e) => [e.code, (e.detail as { digest: string }).digest])).toEqual([
      ['MANIFEST_BLOB_UNKNOWN', missing[0]],
      ['MANIFEST_BLOB_UNKNOWN', missing[1]],
    ]);
  });

  it('refuses a blob that is only in another repository with MANIFEST_BLOB_UNKNOWN', async () => {
    const elsewhere = await imageManifest(h.base, 'library/validation-elsewhere', 'elsewhere');
    await expectRefused(
      name,
      'elsewhere',
      JSON.stringify(elsewhere),
      MediaType.OciManifest,
      400,
      'MANIFEST_BLOB_UNKNOWN',
    );
  });

  it('refuses a manifest pushed to a new repository whose blobs were never pushed, creating no repository', async () => {
    const res = await expectRefused(
      'library/validation-new',
      'v1',
      JSON.stringify(manifest),
      MediaType.OciManifest,
      400,
      'MANIFEST_BLOB_UNKNOWN',
    );
    expect(await errorEntries(res)).toHaveLength(2);
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS n FROM repository WHERE name = 'library/validation-new'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses an index listing a manifest not in the repository with MANIFEST_BLOB_UNKNOWN', async () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [{ mediaType: MediaType.OciManifest, digest: digestOf('no child'), size: 100 }],
    });
    await expectRefused(name, 'orphan-index', body, MediaType.OciIndex, 400, 'MANIFEST_BLOB_UNKNOWN');
  });

  it('refuses a descriptor whose size is not the size of the blob or manifest with 400 MANIFEST_INVALID', async () => {
    const layers = manifest['layers'] as { size: number }[];
    const wrongLayer = JSON.stringify({ ...manifest, layers: [{ ...layers[0], size: layers[0].size + 1 }] });
    const res = await expectRefused(name, 'size', wrongLayer, MediaType.OciManifest, 400, 'MANIFEST_INVALID');
    expect((await errorEntries(res))[0].detail).toMatchObject({ declared: layers[0].size + 1, actual: layers[0].size });

    const child = await pushManifest(h.base, name, undefined, manifest);
    const wrongChild = JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: [{ ...child.descriptor, size: child.descriptor.size - 1 }],
    });
    await expectRefused(name, 'size-index', wrongChild, MediaType.OciIndex, 400, 'MANIFEST_INVALID');
  });

  it('refuses a push by digest whose body has another digest with 400 DIGEST_INVALID', async () => {
    const body = JSON.stringify(manifest);
    await expectRefused(name, digestOf(`${body} `), body, MediaType.OciManifest, 400, 'DIGEST_INVALID');
    await expectRefused(
      name,
      digestOf(body, 'sha512').replace(/.$/, '0'),
      body,
      MediaType.OciManifest,
      400,
      'DIGEST_INVALID',
    );
  });

  it('accepts a push by sha512 digest and answers that digest', async () => {
    const body = JSON.stringify({ ...manifest, annotations: { sha: '512' } });
    const digest = digestOf(body, 'sha512');
    const res = await putManifest(h.base, name, digest, body, MediaType.OciManifest);
    expect(res.status).toBe(201);
    expect(res.headers.get('docker-content-digest')).toBe(digest);
  });

  it('refuses a reference that is neither a tag nor a digest with 400 MANIFEST_INVALID', async () => {
    await expectRefused(
      name,
      '-leading-dash',
      JSON.stringify(manifest),
      MediaType.OciManifest,
      400,
      'MANIFEST_INVALID',
    );
  });

  it('accepts a manifest of exactly 4 MiB and refuses one byte more with 413 SIZE_INVALID', async () => {
    const padding = (size: number) => {
      const skeleton = JSON.stringify({ ...manifest, annotations: { pad: '' } });
      return JSON.stringify({ ...manifest, annotations: { pad: 'x'.repeat(size - skeleton.length) } });
    };
    const atLimit = padding(MANIFEST_LIMIT);
    expect(Buffer.byteLength(atLimit)).toBe(MANIFEST_LIMIT);
    const ok = await putManifest(h.base, name, 'big', atLimit, MediaType.OciManifest);
    expect(ok.status).toBe(201);
    expect(ok.headers.get('docker-content-digest')).toBe(digestOf(atLimit));
    await expectRefused(name, 'too-big', padding(MANIFEST_LIMIT + 1), MediaType.OciManifest, 413, 'SIZE_INVALID');
  });
});
