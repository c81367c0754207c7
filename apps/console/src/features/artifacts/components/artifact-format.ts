import { registryHost } from '../../../shared/registry-address';
import type { Artifact, Platform } from '../../../shared/api/types';

/** Hex digits of a digest shown where space is short, as `docker images` shows image ids. */
const SHORT_DIGEST_HEX = 12;

/** Shortens `sha256:0123…` to `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? digest.slice(0, SHORT_DIGEST_HEX) : digest.slice(0, colon + 1 + SHORT_DIGEST_HEX);
}

/** Writes a platform as docker does: `linux/arm64/v8`. */
export function platformLabel(platform: Platform | null | undefined): string {
  if (!platform) return 'unknown platform';
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** The platforms an index lists, in its order, without repeats; empty for a single manifest. */
export function artifactPlatforms(artifact: Artifact): string[] {
  return [...new Set((artifact.references ?? []).map((ref) => platformLabel(ref.platform)))];
}

/** Tells whether an artifact is an index (or Docker manifest list). */
export function isIndex(artifact: Pick<Artifact, 'manifest_media_type'>): boolean {
  return (
    artifact.manifest_media_type === 'application/vnd.oci.image.index.v1+json' ||
    artifact.manifest_media_type === 'application/vnd.docker.distribution.manifest.list.v2+json'
  );
}

/** Names of well-known artifact types, as people call them. */
const ARTIFACT_TYPE_NAMES: Readonly<Record<string, string>> = {
  'application/vnd.oci.image.config.v1+json': 'Image',
  'application/vnd.docker.container.image.v1+json': 'Image',
  'application/vnd.oci.image.index.v1+json': 'Image index',
  'application/vnd.docker.distribution.manifest.list.v2+json': 'Image index',
  'application/vnd.cncf.helm.config.v1+json': 'Helm chart',
  'application/vnd.dev.cosign.artifact.sig.v1+json': 'Signature (cosign)',
  'application/vnd.dev.cosign.simplesigning.v1+json': 'Signature (cosign)',
  'application/vnd.cncf.notary.signature': 'Signature (Notation)',
  'application/vnd.dev.sigstore.bundle.v0.3+json': 'Sigstore bundle',
  'application/spdx+json': 'SBOM (SPDX)',
  'text/spdx': 'SBOM (SPDX)',
  'application/vnd.cyclonedx+json': 'SBOM (CycloneDX)',
  'application/vnd.cyclonedx+xml': 'SBOM (CycloneDX)',
  'application/vnd.in-toto+json': 'Attestation (in-toto)',
  'application/vnd.oci.empty.v1+json': 'Artifact',
};

/** The artifact type (or media type) an artifact is shown with: OCI 1.1 `artifactType`, else its config's type. */
export function artifactTypeOf(artifact: Pick<Artifact, 'artifact_type' | 'media_type'>): string {
  return artifact.artifact_type ?? artifact.media_type;
}

/** Names an artifact type for people, falling back to the media type itself. */
export function artifactTypeLabel(type: string): string {
  return ARTIFACT_TYPE_NAMES[type] ?? type;
}

/** The command that pulls a tag: `docker pull <registry>/<project>/<repository>:<tag>`. */
export function pullByTagCommand(registryUrl: string, repositoryName: string, tag: string): string {
  return `docker pull ${registryHost(registryUrl)}/${repositoryName}:${tag}`;
}

/** The command that pulls exactly this content: `docker pull <registry>/<project>/<repository>@<digest>`. */
export function pullByDigestCommand(registryUrl: string, repositoryName: string, digest: string): string {
  return `docker pull ${registryHost(registryUrl)}/${repositoryName}@${digest}`;
}
