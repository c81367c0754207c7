import { Injectable } from '@nestjs/common';
import { contentLength } from '../http/body';
import { OciError } from '../http/oci-error';
import { type Reply, type RequestContext } from '../http/route';
import { requireDigest } from '../stores/blob.store';
import { BlobStore } from '../stores/blob.store';
import { RepositoryStore } from '../stores/repository.store';
import { UploadStore } from '../stores/upload.store';
import { param, repositoryName } from './context';

const CONTENT_RANGE = /^(?:bytes )?(\d+)-(\d+)$/;

function uploadHeaders(name: string, id: string, size: number): Record<string, string | number> {
  return {
    Location: `/v2/${name}/blobs/uploads/${id}`,
    'Docker-Upload-UUID': id,
    'Blob-Upload-Session-ID': id,
    // The spec's (non-standard) inclusive upload progress; an empty session reports 0-0.
    Range: `0-${Math.max(size - 1, 0)}`,
    'Content-Length': 0,
  };
}

function createdHeaders(name: string, digest: string): Record<string, string | number> {
  return { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 };
}

/** Blob uploads: monolithic (POST with digest, or POST then PUT), chunked (PATCH), status and cancel. */
@Injectable()
export class UploadHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly blobs: BlobStore,
    private readonly uploads: UploadStore,
  ) {}

  /** `POST /v2/<name>/blobs/uploads/`: stores the body at once when `digest` is given (201), else opens a session (202). */
  start = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forPush(name);
    if (ctx.query.has('digest')) {
      const digest = requireDigest(ctx.query.get('digest'));
      const stored = await this.blobs.put(repository, digest, ctx.req, {
        expectedSize: contentLength(ctx.req),
        signal: ctx.signal,
      });
      return { status: 201, headers: createdHeaders(name.name, stored.digest) };
    }
    const id = await this.uploads.start(repository);
    return { status: 202, headers: uploadHeaders(name.name, id, 0) };
  };

  /** `GET /v2/<name>/blobs/uploads/<uuid>`: 204 with the session's progress. */
  status = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forRead(name);
    const upload = await this.uploads.require(repository, param(ctx, 'uuid'));
    return { status: 204, headers: uploadHeaders(name.name, upload.id, await this.uploads.size(upload)) };
  };

  /** `PATCH /v2/<name>/blobs/uploads/<uuid>`: appends a chunk (in order) and answers 202 with the new progress. */
  patch = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forRead(name);
    const upload = await this.uploads.require(repository, param(ctx, 'uuid'));
    const size = await this.uploads.append(upload, ctx.req, this.chunkStart(ctx), ctx.signal);
    return { status: 202, headers: uploadHeaders(name.name, upload.id, size) };
  };

  /** `PUT /v2/<name>/blobs/uploads/<uuid>?digest=`: closes the session with an optional last chunk; 201 on success. */
  complete = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forRead(name);
    const upload = await this.uploads.require(repository, param(ctx, 'uuid'));
    const digest = requireDigest(ctx.query.get('digest'));
    const stored = await this.uploads.complete(repository, upload, digest, ctx.req, contentLength(ctx.req), ctx.signal);
    return { status: 201, headers: createdHeaders(name.name, stored.digest) };
  };

  /** `DELETE /v2/<name>/blobs/uploads/<uuid>`: discards the session (204). */
  cancel = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    const upload = await this.uploads.require(repository, param(ctx, 'uuid'));
    await this.uploads.cancel(upload);
    return { status: 204, headers: { 'Content-Length': 0 } };
  };

  private chunkStart(ctx: RequestContext): number | undefined {
    const header = ctx.req.headers['content-range'];
    if (header === undefined) return undefined;
    const match = CONTENT_RANGE.exec(header.trim());
    if (!match) throw new OciError('RANGE_INVALID', { contentRange: header });
    return Number(match[1]);
  }
}
