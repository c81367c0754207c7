import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ManifestRepository, type ManifestRow, type RepositoryRow, TagRepository } from '@berth/db';
import {
  DEFAULT_DIGEST_ALGORITHM,
  type DigestAlgorithm,
  type ManifestReference,
  type RepositoryName,
  effectiveArtifactType,
  parseManifest,
  parseManifestReference,
  referencedBlobs,
  referencedManifests,
} from '@berth/oci';
import { OciError } from '../http/oci-error';
import { type PushTarget, RepositoryStore } from './repository.store';

/** What a successful manifest push reports back. */
export interface PushedManifest {
  digest: string;
  subjectDigest?: string;
}

/** HTTP 409 Conflict: the request conflicts with the current state of the resource (RFC 9110 section 15.5.10). */
const CONFLICT = 409;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function digestOf(content: Buffer, algorithm: DigestAlgorithm): string {
  return `${algorithm}:${createHash(algorithm).update(content).digest('hex')}`;
}

/** Registry semantics of manifests: validation, reference checks within the repository, tags, exact bytes. */
@Injectable()
export class ManifestStore {
  constructor(
    private readonly manifests: ManifestRepository,
    private readonly tags: TagRepository,
    private readonly repositories: RepositoryStore,
  ) {}

  /**
   * Finds a manifest by repository name and tag or digest in one query. On a miss it tells NAME_UNKNOWN from
   * MANIFEST_UNKNOWN (also for a reference no manifest can have) with a second lookup, off the hot path.
   */
  async get(name: RepositoryName, reference: string, withContent: boolean): Promise<ManifestRow> {
    const parsed = parseManifestReference(reference);
    const found = !parsed.ok
      ? undefined
      : parsed.reference.kind === 'tag'
        ? await this.manifests.findByNameAndTag(name.name, parsed.reference.tag, withContent)
        : await this.manifests.findByNameAndDigest(name.name, parsed.reference.digest.value, withContent);
    if (found) return found;
    await this.repositories.forRead(name);
    throw new OciError('MANIFEST_UNKNOWN', { reference });
  }

  /**
   * Deletes by tag (only the tag goes) or by digest (the manifest and every tag pointing at it go). Referrers of a
   * deleted manifest stay: `subject` is a weak reference that may name an absent manifest (distribution-spec: a
   * registry MUST accept a subject that does not exist), so they read exactly as before their subject was pushed, and
   * removing them is their client's call, as the spec's delete workflow has clients do. A manifest that an index in
   * the repository lists is refused: deleting it would leave the index unpullable.
   */
  async delete(repository: RepositoryRow, reference: string): Promise<void> {
    const parsed = parseManifestReference(reference);
    if (!parsed.ok) throw new OciError('MANIFEST_UNKNOWN', { reference });
    if (parsed.reference.kind === 'tag') {
      if (!(await this.tags.delete(repository.id, parsed.reference.tag))) {
        throw new OciError('MANIFEST_UNKNOWN', { reference });
      }
      return;
    }
    const result = await this.manifests.delete(repository.id, parsed.reference.digest.value);
    if (result.deleted) return;
    if (result.reason === 'unknown') throw new OciError('MANIFEST_UNKNOWN', { reference });
    // No spec code says "still referenced". 409 Conflict is the HTTP status for a request that conflicts with the
    // resource's state, and DENIED (the registry refuses this operation on this resource) keeps clients from reading
    // it as "deletes are disabled" (405 UNSUPPORTED) or as a bad push (MANIFEST_INVALID); the detail names the parents.
    throw new OciError(
      'DENIED',
      {
        digest: reference,
        referencedBy: result.referencedBy,
        reason: 'the manifest is listed by an index in this repository; delete the index first',
      },
      { status: CONFLICT },
    );
  }

  /**
   * Validates and stores a pushed manifest under a tag or its digest. Every blob it references must be linked into
   * the repository and every manifest an index lists must be in the repository (else MANIFEST_BLOB_UNKNOWN, one entry
   * per missing digest), each with the size its descriptor declares (else MANIFEST_INVALID); the subject may be
   * absent, as OCI 1.1 requires.
   */
  async put(
    target: PushTarget,
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
    const blobs = referencedBlobs(manifest);
    const children = referencedManifests(manifest);
    if (!('repository' in target) && blobs.length + children.length > 0) {
      // Nothing can be linked into a repository that does not exist yet; refusing here creates no repository.
      throw OciError.each(
        'MANIFEST_BLOB_UNKNOWN',
        [...new Set([...blobs, ...children].map((d) => d.digest))].map((d) => ({ digest: d })),
      );
    }
    const repository = await this.repositories.materialize(target);

    const result = await this.manifests.save({
      repositoryId: repository.id,
      digest,
      mediaType: manifest.mediaType,
      artifactType: effectiveArtifactType(manifest) ?? null,
      content,
      configDigest: manifest.kind === 'manifest' ? manifest.config.digest : null,
      subjectDigest: manifest.subject?.digest ?? null,
      annotations: manifest.annotations ?? null,
      blobs: blobs.map((d) => ({ digest: d.digest, size: d.size })),
      children: children.map((d) => ({
        digest: d.digest,
        size: d.size,
        platform: d.platform ?? null,
      })),
      tag: ref.kind === 'tag' ? ref.tag : null,
    });
    if (!result.saved) {
      const missing = [...result.missingBlobs, ...result.missingManifests];
      if (missing.length > 0) {
        throw OciError.each(
          'MANIFEST_BLOB_UNKNOWN',
          missing.map((d) => ({ digest: d })),
        );
      }
      throw OciError.each(
        'MANIFEST_INVALID',
        result.sizeMismatches.map((m) => ({ ...m, reason: 'the descriptor size is not the size of the content' })),
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
