import { MediaType } from './media-types';
import { effectiveArtifactType, parseManifest, referencedBlobs, referencedManifests } from './manifest';

const d = (c: string) => `sha256:${c.repeat(64)}`;
const config = { mediaType: MediaType.OciConfig, digest: d('c'), size: 10 };
const layer = { mediaType: MediaType.OciLayerTarGzip, digest: d('1'), size: 20 };
const ociManifest = { schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] };
const child = {
  mediaType: MediaType.OciManifest,
  digest: d('a'),
  size: 300,
  platform: { architecture: 'amd64', os: 'linux' },
};
const ociIndex = { schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: [child] };
const dockerManifest = {
  schemaVersion: 2,
  mediaType: MediaType.DockerManifest,
  config: { ...config, mediaType: MediaType.DockerConfig },
  layers: [{ ...layer, mediaType: MediaType.DockerLayer }],
};
const dockerList = {
  schemaVersion: 2,
  mediaType: MediaType.DockerManifestList,
  manifests: [
    { ...child, mediaType: MediaType.DockerManifest, platform: { architecture: 'arm', os: 'linux', variant: 'v7' } },
  ],
};

const json = (value: unknown) => JSON.stringify(value);

describe('parseManifest accepts', () => {
  it('an OCI image manifest and returns its config and layers', () => {
    const result = parseManifest(json(ociManifest), MediaType.OciManifest);
    expect(result).toEqual({
      ok: true,
      manifest: { kind: 'manifest', mediaType: MediaType.OciManifest, config, layers: [layer] },
    });
  });

  it('an OCI index and returns its manifests with platform', () => {
    const result = parseManifest(json(ociIndex), MediaType.OciIndex);
    expect(result).toEqual({
      ok: true,
      manifest: { kind: 'index', mediaType: MediaType.OciIndex, manifests: [child] },
    });
  });

  it('a Docker schema 2 manifest', () => {
    const result = parseManifest(json(dockerManifest), MediaType.DockerManifest);
    expect(result.ok && result.manifest.kind === 'manifest' && result.manifest.config.mediaType).toBe(
      MediaType.DockerConfig,
    );
  });

  it('a Docker manifest list keeping the platform variant', () => {
    const result = parseManifest(json(dockerList), MediaType.DockerManifestList);
    expect(result.ok && result.manifest.kind === 'index' && result.manifest.manifests[0].platform).toEqual({
      architecture: 'arm',
      os: 'linux',
      variant: 'v7',
    });
  });

  it('an artifact with subject, artifactType and annotations', () => {
    const subject = { mediaType: MediaType.OciManifest, digest: d('5'), size: 500 };
    const artifact = {
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      artifactType: 'application/vnd.example.sbom',
      config: { mediaType: MediaType.OciEmpty, digest: d('4'), size: 2 },
      layers: [],
      subject,
      annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
    };
    const result = parseManifest(json(artifact), MediaType.OciManifest);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.subject).toEqual(subject);
    expect(result.manifest.artifactType).toBe('application/vnd.example.sbom');
    expect(result.manifest.annotations).toEqual({ 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' });
    expect(effectiveArtifactType(result.manifest)).toBe('application/vnd.example.sbom');
  });

  it.each([
    [
      'Content-Type with parameters',
      json(ociManifest),
      `${MediaType.OciManifest}; charset=utf-8`,
      MediaType.OciManifest,
    ],
    ['no Content-Type, mediaType in the body', json(ociManifest), undefined, MediaType.OciManifest],
    ['generic JSON Content-Type, mediaType in the body', json(ociIndex), 'application/json', MediaType.OciIndex],
    [
      'an OCI manifest without mediaType',
      json({ ...ociManifest, mediaType: undefined }),
      MediaType.OciManifest,
      MediaType.OciManifest,
    ],
    [
      'an OCI index without mediaType nor Content-Type',
      json({ ...ociIndex, mediaType: undefined }),
      undefined,
      MediaType.OciIndex,
    ],
  ])('%s', (_label, body, contentType, mediaType) => {
    const result = parseManifest(body, contentType);
    expect(result.ok && result.manifest.mediaType).toBe(mediaType);
  });
});

describe('parseManifest rejects', () => {
  it.each([
    ['non-JSON', 'not json', MediaType.OciManifest, 'the body is not valid JSON'],
    ['a JSON array', '[]', MediaType.OciManifest, 'the body must be a JSON object'],
    ['a JSON string', '"x"', MediaType.OciManifest, 'the body must be a JSON object'],
    ['schemaVersion 1', json({ ...ociManifest, schemaVersion: 1 }), MediaType.OciManifest, 'schemaVersion must be 2'],
    [
      'a missing schemaVersion',
      json({ ...ociManifest, schemaVersion: undefined }),
      MediaType.OciManifest,
      'schemaVersion must be 2',
    ],
    [
      'a body mediaType differing from the Content-Type',
      json(ociManifest),
      MediaType.DockerManifest,
      `mediaType "${MediaType.OciManifest}" does not match the Content-Type "${MediaType.DockerManifest}"`,
    ],
    [
      'an unsupported Content-Type',
      json(ociManifest),
      'text/plain',
      'Content-Type "text/plain" is not a supported manifest media type',
    ],
    [
      'a schema 1 manifest',
      json({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws' }),
      undefined,
      'mediaType "application/vnd.docker.distribution.manifest.v1+prettyjws" is not a supported manifest media type',
    ],
    [
      'a missing config',
      json({ ...ociManifest, config: undefined }),
      MediaType.OciManifest,
      'config must be a descriptor object',
    ],
    [
      'missing layers',
      json({ ...ociManifest, layers: undefined }),
      MediaType.OciManifest,
      'layers is required and must be an array',
    ],
    [
      'layers that are not an array',
      json({ ...ociManifest, layers: {} }),
      MediaType.OciManifest,
      'layers is required and must be an array',
    ],
    [
      'a layer with a bad digest',
      json({ ...ociManifest, layers: [{ ...layer, digest: 'sha256:xyz' }] }),
      MediaType.OciManifest,
      'layers[0].digest "sha256:xyz" is not a valid digest',
    ],
    [
      'a layer with an unsupported digest algorithm',
      json({ ...ociManifest, layers: [{ ...layer, digest: `sha384:${'a'.repeat(96)}` }] }),
      MediaType.OciManifest,
      `layers[0].digest "sha384:${'a'.repeat(96)}" uses an unsupported algorithm`,
    ],
    [
      'a negative size',
      json({ ...ociManifest, layers: [{ ...layer, size: -1 }] }),
      MediaType.OciManifest,
      'layers[0].size must be a non-negative integer',
    ],
    [
      'a fractional size',
      json({ ...ociManifest, config: { ...config, size: 1.5 } }),
      MediaType.OciManifest,
      'config.size must be a non-negative integer',
    ],
    [
      'a size given as a string',
      json({ ...ociManifest, config: { ...config, size: '10' } }),
      MediaType.OciManifest,
      'config.size must be a non-negative integer',
    ],
    [
      'a descriptor without mediaType',
      json({ ...ociManifest, config: { ...config, mediaType: undefined } }),
      MediaType.OciManifest,
      'config.mediaType is required and must be a string',
    ],
    [
      'a descriptor with a malformed mediaType',
      json({ ...ociManifest, config: { ...config, mediaType: 'nonsense' } }),
      MediaType.OciManifest,
      'config.mediaType "nonsense" is not a valid media type',
    ],
    [
      'non-string annotations',
      json({ ...ociManifest, annotations: { a: 1 } }),
      MediaType.OciManifest,
      'annotations must be an object of string values',
    ],
    [
      'descriptor urls that are not strings',
      json({ ...ociManifest, layers: [{ ...layer, urls: [1] }] }),
      MediaType.OciManifest,
      'layers[0].urls must be an array of strings',
    ],
    [
      'an empty config without artifactType',
      json({ ...ociManifest, config: { ...config, mediaType: MediaType.OciEmpty } }),
      MediaType.OciManifest,
      'artifactType is required when config.mediaType is the empty descriptor',
    ],
    [
      'a malformed artifactType',
      json({ ...ociManifest, artifactType: 'bad' }),
      MediaType.OciManifest,
      'artifactType "bad" is not a valid media type',
    ],
    [
      'a malformed subject',
      json({ ...ociManifest, subject: { digest: d('1') } }),
      MediaType.OciManifest,
      'subject.mediaType is required and must be a string',
    ],
    [
      'an image manifest with manifests',
      json({ ...ociManifest, manifests: [] }),
      MediaType.OciManifest,
      'an image manifest must not have a manifests field',
    ],
    [
      'an index without manifests',
      json({ ...ociIndex, manifests: undefined }),
      MediaType.OciIndex,
      'manifests is required and must be an array',
    ],
    [
      'an index with layers',
      json({ ...ociIndex, layers: [] }),
      MediaType.OciIndex,
      'an index must not have config or layers fields',
    ],
    [
      'a platform without os',
      json({ ...ociIndex, manifests: [{ ...child, platform: { architecture: 'amd64' } }] }),
      MediaType.OciIndex,
      'manifests[0].platform.os is required and must be a string',
    ],
    [
      'a platform with bad os.features',
      json({ ...ociIndex, manifests: [{ ...child, platform: { ...child.platform, 'os.features': 'x' } }] }),
      MediaType.OciIndex,
      'manifests[0].platform.os.features must be an array of strings',
    ],
    [
      'a Docker manifest without mediaType in the body',
      json({ ...dockerManifest, mediaType: undefined }),
      MediaType.DockerManifest,
      'mediaType is required in Docker schema 2 manifests',
    ],
    [
      'no way to tell the type',
      json({ schemaVersion: 2 }),
      undefined,
      'the manifest has no mediaType and its Content-Type does not name a manifest media type',
    ],
  ])('%s', (_label, body, contentType, reason) => {
    expect(parseManifest(body, contentType)).toEqual({ ok: false, reason });
  });
});

describe('references', () => {
  it('lists the config and distributable layers of a manifest, skipping foreign layers', () => {
    const foreign = {
      mediaType: MediaType.DockerForeignLayer,
      digest: d('f'),
      size: 5,
      urls: ['https://example.com/x'],
    };
    const result = parseManifest(json({ ...dockerManifest, layers: [...dockerManifest.layers, foreign] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(referencedBlobs(result.manifest).map((b) => b.digest)).toEqual([d('c'), d('1')]);
    expect(referencedManifests(result.manifest)).toEqual([]);
  });

  it('lists the child manifests of an index and no blobs', () => {
    const result = parseManifest(json(ociIndex));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(referencedBlobs(result.manifest)).toEqual([]);
    expect(referencedManifests(result.manifest)).toEqual([child]);
  });

  it.each([MediaType.OciConfig, MediaType.DockerConfig, 'application/vnd.cncf.helm.config.v1+json'])(
    'effectiveArtifactType of a manifest without artifactType and config %s is the config media type',
    (mediaType) => {
      const result = parseManifest(json({ ...ociManifest, config: { ...config, mediaType } }));
      expect(result.ok && effectiveArtifactType(result.manifest)).toBe(mediaType);
    },
  );

  it('has no effective artifactType for an index without one, and the declared one for an index with one', () => {
    const plain = parseManifest(json(ociIndex));
    const typed = parseManifest(json({ ...ociIndex, artifactType: 'application/vnd.example.bundle' }));
    expect(plain.ok && effectiveArtifactType(plain.manifest)).toBeUndefined();
    expect(typed.ok && effectiveArtifactType(typed.manifest)).toBe('application/vnd.example.bundle');
  });
});
