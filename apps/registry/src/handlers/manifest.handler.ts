import { Injectable } from '@nestjs/common';
import { readBoundedBody } from '../http/body';
import { type Reply, type RequestContext } from '../http/route';
import { ManifestStore } from '../stores/manifest.store';
import { RepositoryStore } from '../stores/repository.store';
import { param, repositoryName } from './context';

/** The largest manifest accepted: the 4 MiB the distribution spec tells clients and registries to support. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** `HEAD|GET|PUT /v2/<name>/manifests/<reference>`. */
@Injectable()
export class ManifestHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly manifests: ManifestStore,
  ) {}

  /** Serves a manifest by tag or digest with its stored media type and exact bytes. */
  get = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const head = ctx.method === 'HEAD';
    const manifest = await this.manifests.get(repository, param(ctx, 'reference'), !head);
    return {
      status: 200,
      headers: {
        'Content-Type': manifest.mediaType,
        'Content-Length': manifest.size,
        'Docker-Content-Digest': manifest.digest,
        ETag: `"${manifest.digest}"`,
      },
      body: head ? undefined : manifest.content,
    };
  };

  /** Stores a manifest (the one body the registry buffers, bounded by MAX_MANIFEST_BYTES) and answers 201. */
  put = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forPush(name);
    const content = await readBoundedBody(ctx.req, MAX_MANIFEST_BYTES);
    const pushed = await this.manifests.put(
      repository,
      param(ctx, 'reference'),
      ctx.req.headers['content-type'],
      content,
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
