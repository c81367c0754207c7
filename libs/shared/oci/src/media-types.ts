/** Media types of the OCI image spec and of Docker's image manifest v2 schema 2 that the registry understands. */
export const MediaType = {
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  OciConfig: 'application/vnd.oci.image.config.v1+json',
  OciEmpty: 'application/vnd.oci.empty.v1+json',
  OciLayerTar: 'application/vnd.oci.image.layer.v1.tar',
  OciLayerTarGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  OciLayerTarZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  OciLayerNondistributableTar: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
  OciLayerNondistributableTarGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  OciLayerNondistributableTarZstd: 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  DockerConfig: 'application/vnd.docker.container.image.v1+json',
  DockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  DockerForeignLayer: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
} as const;

/** One of the MediaType constants. */
export type KnownMediaType = (typeof MediaType)[keyof typeof MediaType];

/** Media types of single-platform manifests (config + layers). */
export const IMAGE_MANIFEST_MEDIA_TYPES: readonly string[] = [MediaType.OciManifest, MediaType.DockerManifest];

/** Media types of indexes (lists of manifests). */
export const INDEX_MEDIA_TYPES: readonly string[] = [MediaType.OciIndex, MediaType.DockerManifestList];

/** Every media type accepted on the manifests endpoint. */
export const MANIFEST_MEDIA_TYPES: readonly string[] = [...IMAGE_MANIFEST_MEDIA_TYPES, ...INDEX_MEDIA_TYPES];

/** Config media types of container images; any other config type marks an artifact. */
export const IMAGE_CONFIG_MEDIA_TYPES: readonly string[] = [MediaType.OciConfig, MediaType.DockerConfig];

/** Layer media types whose blobs are fetched from elsewhere and never pushed to a registry. */
export const NON_DISTRIBUTABLE_LAYER_MEDIA_TYPES: readonly string[] = [
  MediaType.OciLayerNondistributableTar,
  MediaType.OciLayerNondistributableTarGzip,
  MediaType.OciLayerNondistributableTarZstd,
  MediaType.DockerForeignLayer,
];

// RFC 6838 section 4.2: restricted-name "/" restricted-name, each 1-127 characters.
const MEDIA_TYPE_GRAMMAR = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/** Tells whether a string is a syntactically valid media type (no parameters). */
export function isValidMediaType(value: string): boolean {
  return MEDIA_TYPE_GRAMMAR.test(value);
}

/** Returns the media type of a Content-Type header without parameters, lowercased, or undefined when absent. */
export function baseMediaType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const base = contentType.split(';', 1)[0].trim().toLowerCase();
  return base === '' ? undefined : base;
}
