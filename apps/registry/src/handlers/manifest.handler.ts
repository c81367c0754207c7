import { Injectable } from '@nestjs/common';
import { accepts } from '@berth/oci';
import { registryEvent } from '../events/registry-event';
import { RegistryEventEmitter } from '../events/registry-event.emitter';
import { readBoundedBody } from '../http/body';
import { OciError } from '../http/oci-error';
import { type Reply, type RequestContext } from '../http/route';
import { ManifestStore } from '../stores/manifest.store';
import { RepositoryStore } from '../stores/repository.store';
import { param, repositoryName } from './context';

/** The largest manifest accepted: the 4 MiB the distribution spec tells clients and registries to support. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** `HEAD|GET|PUT|DELETE /v2/<name>/manifests/<reference>`. */
@Injectable()
export class ManifestHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly manifests: ManifestStore,
    private readonly events: RegistryEventEmitter,
  ) {}

  /**
   * Serves a manifest by tag or digest with its stored media type as Content-Type and its exact bytes. The manifest
   * is never converted: when the Accept header does not take its media type the answer is 404 MANIFEST_UNKNOWN, as
   * CNCF distribution answers (e.g. an OCI index to a client that accepts only image manifests).
   */
  get = async (ctx: RequestContext): Promise<Reply> => {
    const head = ctx.method === 'HEAD';
    const reference = param(ctx, 'reference');
    const manifest = await this.manifests.get(repositoryName(ctx), reference, !head);
    if (!accepts(ctx.req.headers.accept, manifest.mediaType)) {
      throw new OciError('MANIFEST_UNKNOWN', {
        reference,
        mediaType: manifest.mediaType,
        reason: `the manifest is ${manifest.mediaType}, which the Accept header does not accept`,
      });
    }
    // A pull is a GET of a manifest, as in Harbor: HEADs (clients checking for changes) count as no pull.
    if (!head) {
      const pull = { operation: 'pull', resourceType: 'artifact', reference, mediaType: manifest.mediaType } as const;
      this.events.emit(registryEvent(ctx, { ...pull, digest: manifest.digest }));
    }
    return {
      status: 200,
      headers: {
        'Content-Type': manifest.mediaType,
        'Content-Length': manifest.size,
        'Docker-Content-Digest': manifest.digest,
        ETag: `"${manifest.digest}"`,
        // The answer depends on Accept (a refusal or the manifest), so shared caches must key on it.
        Vary: 'Accept',
      },
      body: head ? undefined : manifest.content,
    };
  };

  /** `DELETE /v2/<name>/manifests/<reference>`: deletes a tag, or a manifest by digest with its tags; 202. */
  delete = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const reference = param(ctx, 'reference');
    await this.manifests.delete(repository, reference);
    const byDigest = reference.includes(':');
    this.events.emit(
      registryEvent(ctx, {
        operation: 'delete',
        resourceType: byDigest ? 'artifact' : 'tag',
        reference,
        digest: byDigest ? reference : null,
        mediaType: null,
      }),
    );
    return { status: 202, headers: { 'Content-Length': 0 } };
  };

  /** Stores a manifest (the one body the registry buffers, bounded by MAX_MANIFEST_BYTES) and answers 201. */
  put = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const target = await this.repositories.pushTarget(name);
    const content = await readBoundedBody(ctx.req, MAX_MANIFEST_BYTES);
    const reference = param(ctx, 'reference');
    const mediaType = ctx.req.headers['content-type'] ?? null;
    const pushed = await this.manifests.put(target, reference, mediaType ?? undefined, content);
    this.events.emit(
      registryEvent(ctx, { operation: 'push', resourceType: 'artifact', reference, digest: pushed.digest, mediaType }),
    );
    const headers: Record<string, string | number> = {
      Location: `/v2/${name.name}/manifests/${pushed.digest}`,
      'Docker-Content-Digest': pushed.digest,
      'Content-Length': 0,
    };
    if (pushed.subjectDigest) headers['OCI-Subject'] = pushed.subjectDigest;
    return { status: 201, headers };
  };
}
