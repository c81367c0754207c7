import { Injectable } from '@nestjs/common';
import { registryEvent } from '../events/registry-event';
import { RegistryEventEmitter } from '../events/registry-event.emitter';
import { OciError } from '../http/oci-error';
import { parseRange } from '../http/range';
import { type Reply, type RequestContext } from '../http/route';
import { BlobStore, requireDigest } from '../stores/blob.store';
import { RepositoryStore } from '../stores/repository.store';
import { param, repositoryName } from './context';

/** Blobs are immutable under their digest, so caches may keep them for a year (the longest RFC 9111 suggests). */
const BLOB_CACHE_CONTROL = 'max-age=31536000';

/** `HEAD|GET|DELETE /v2/<name>/blobs/<digest>`: existence, whole blob, one byte range, or unlinking. */
@Injectable()
export class BlobHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly blobs: BlobStore,
    private readonly events: RegistryEventEmitter,
  ) {}

  /** Serves a blob linked into the repository, honouring a single-range Range header (206, or 416). */
  get = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const digest = requireDigest(param(ctx, 'digest'));
    const blob = await this.blobs.stat(repository, digest);
    const headers = {
      'Content-Type': 'application/octet-stream',
      'Docker-Content-Digest': blob.digest,
      'Accept-Ranges': 'bytes',
      ETag: `"${blob.digest}"`,
      'Cache-Control': BLOB_CACHE_CONTROL,
    };
    const range = parseRange(ctx.req.headers.range, blob.size);
    if (range.kind === 'unsatisfiable') {
      throw new OciError(
        'RANGE_INVALID',
        { range: ctx.req.headers.range, size: blob.size },
        {
          headers: { 'Content-Range': `bytes */${blob.size}` },
        },
      );
    }
    const head = ctx.method === 'HEAD';
    if (range.kind === 'partial') {
      const { start, end } = range.range;
      return {
        status: 206,
        headers: {
          ...headers,
          'Content-Length': end - start + 1,
          'Content-Range': `bytes ${start}-${end}/${blob.size}`,
        },
        body: head ? undefined : await this.blobs.open(blob.digest, range.range),
      };
    }
    return {
      status: 200,
      headers: { ...headers, 'Content-Length': blob.size },
      body: head ? undefined : await this.blobs.open(blob.digest),
    };
  };

  /** `DELETE /v2/<name>/blobs/<digest>`: unlinks the blob from the repository (202); the bytes wait for GC. */
  delete = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const digest = requireDigest(param(ctx, 'digest'));
    await this.repositories.deleteBlob(repository, digest);
    this.events.emit(
      registryEvent(ctx, { operation: 'delete', resourceType: 'blob', reference: digest, digest, mediaType: null }),
    );
    return { status: 202, headers: { 'Docker-Content-Digest': digest, 'Content-Length': 0 } };
  };
}
