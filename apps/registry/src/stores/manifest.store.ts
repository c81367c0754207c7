import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ManifestRepository, type ManifestRow, type RepositoryRow } from '@berth/db';
import {
  DEFAULT_DIGEST_ALGORITHM,
  type DigestAlgorithm,
  type ManifestReference,
  effectiveArtifactType,
  parseManifest,
  parseManifestReference,
  referencedBlobs,
  referencedManifests,
} from '@berth/oci';
import { OciError } from '../http/oci-error';

/** What a successful manifest push reports back. */
export interface PushedManifest {
  digest: string;
  subjectDigest?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function digestOf(content: Buffer, algorithm: DigestAlgorithm): string {
  return `${algorithm}:${createHash(algorithm).update(content).digest('hex')}`;
}

/** Registry semantics of manifests: validation, reference checks within the repository, tags, exact bytes. */
@Injectable()
export class ManifestStore {
  constructor(private readonly manifests: ManifestRepository) {}

  /** Finds a manifest by tag or digest, or throws MANIFEST_UNKNOWN (also for a reference no manifest can have). */
  async get(repository: RepositoryRow, reference: string, withContent: boolean): Promise<ManifestRow> {
    const parsed = parseManifestReference(reference);
    const found = !parsed.ok
      ? undefined
      : parsed.reference.kind === 'tag'
        ? await this.manifests.findByTag(repository.id, parsed.reference.tag, withContent)
        : await this.manifests.findByDigest(repository.id, parsed.reference.digest.value, withContent);
    if (!found) throw new OciError('MANIFEST_UNKNOWN', { reference });
    return found;
  }

  /**
   * Validates and stores a pushed manifest under a tag or its digest. Every blob it references must be linked into
   * the repository and every manifest an index lists must be in the repository (else MANIFEST_BLOB_UNKNOWN, one entry
   * per missing digest); the subject may be absent, as OCI 1.1 requires.
   */
  async put(
    repository: RepositoryRow,
    reference: string,
    contentType: string | undefined,
    content: Buffer,
  ): Promise<PushedManifest> {
    const ref = this.parseReference(reference);
    const algorithm = ref.kind === 'digest' ? ref.digest.algorithm : DEFAULT_DIGEST_ALGORITHM;
    const digest = digestOf(content, algorithm);
    if (ref.kind === 'digest' && ref.digest.value !== digest) {
      throw new OciError('DIGEST_INVALID', { digest: ref.digest.value, reason: `the body's digest is ${digest}` });
    }
    let text: string;
    try {
      text = strictUtf8.decode(content);
    } catch {
      throw new OciError('MANIFEST_INVALID', { reason: 'the body is not UTF-8' });
    }
    const parsed = parseManifest(text, contentType);
    if (!parsed.ok) throw new OciError('MANIFEST_INVALID', { reason: parsed.reason });
    const manifest = parsed.manifest;

    const result = await this.manifests.save({
      repositoryId: repository.id,
      digest,
      mediaType: manifest.mediaType,
      artifactType: effectiveArtifactType(manifest) ?? null,
      content,
      configDigest: manifest.kind === 'manifest' ? manifest.config.digest : null,
      subjectDigest: manifest.subject?.digest ?? null,
      annotations: manifest.annotations ?? null,
      blobDigests: referencedBlobs(manifest).map((d) => d.digest),
      children: referencedManifests(manifest).map((d) => ({ digest: d.digest, platform: d.platform ?? null })),
      tag: ref.kind === 'tag' ? ref.tag : null,
    });
    if (!result.saved) {
      const missing = [...result.missingBlobs, ...result.missingManifests];
      throw OciError.each(
        'MANIFEST_BLOB_UNKNOWN',
        missing.map((d) => ({ digest: d })),
      );
    }
    return manifest.subject ? { digest, subjectDigest: manifest.subject.digest } : { digest };
  }

  private parseReference(reference: string): ManifestReference {
    const parsed = parseManifestReference(reference);
    if (parsed.ok) return parsed.reference;
    if (parsed.error === 'unsupported-digest') {
      throw new OciError('DIGEST_INVALID', { digest: reference, reason: 'unsupported digest algorithm' });
    }
    throw new OciError('MANIFEST_INVALID', { reference, reason: 'the reference is neither a valid tag nor a digest' });
  }
}
