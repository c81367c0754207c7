import { Injectable } from '@nestjs/common';
import { type IncomingMessage } from 'node:http';
import { contentLength } from '../http/body';
import { OciError } from '../http/oci-error';
import { type Reply, type RequestContext } from '../http/route';
import { BlobStore, requireDigest } from '../stores/blob.store';
import { RepositoryStore } from '../stores/repository.store';
import { type ChunkInfo, UploadStore, progressRange } from '../stores/upload.store';
import { param, repositoryName } from './context';

/**
 * The chunk size advertised as `OCI-Chunk-Min-Length`: 5 MiB, S3's smallest multipart part, so clients that follow
 * it send chunks every backend stores efficiently. Smaller chunks are still accepted.
 */
export const OCI_CHUNK_MIN_LENGTH = 5 * 1024 * 1024;

/** The chunk range grammar of the spec (`<start>-<end>`, inclusive), also with the `bytes ` prefix some clients send. */
const CONTENT_RANGE = /^(?:bytes )?(\d+)-(\d+)$/;

function uploadHeaders(name: string, id: string, size: number): Record<string, string | number> {
  return {
    Location: `/v2/${name}/blobs/uploads/${id}`,
    'Docker-Upload-UUID': id,
    'Blob-Upload-Session-ID': id,
    Range: progressRange(size),
    'Content-Length': 0,
  };
}

function createdHeaders(name: string, digest: string): Record<string, string | number> {
  return { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 };
}

/** Whether a request carries a body: a non-zero Content-Length, or a chunked body of unannounced length. */
function hasBody(req: IncomingMessage, length: number | undefined): boolean {
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : length > 0;
}

/**
 * Blob uploads: monolithic (POST with digest, or POST then PUT), chunked (PATCH with or without Content-Range, then
 * PUT with an optional last chunk), progress (GET), cancel (DELETE) and cross-repository mount (POST with mount+from).
 */
@Injectable()
export class UploadHandler {
  constructor(
    private readonly repositories: RepositoryStore,
    private readonly blobs: BlobStore,
    private readonly uploads: UploadStore,
  ) {}

  /**
   * `POST /v2/<name>/blobs/uploads/`: mounts `mount` from `from` (201) when that repository has the blob; else stores
   * the body at once when `digest` is given (201); else opens a session (202) and advertises OCI-Chunk-Min-Length.
   */
  start = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const target = await this.repositories.pushTarget(name);
    const mount = ctx.query.get('mount');
    if (mount === null && ctx.query.has('digest')) {
      const digest = requireDigest(ctx.query.get('digest'));
      const stored = await this.blobs.put(() => this.repositories.materialize(target), digest, ctx.req, {
        expectedSize: contentLength(ctx.req),
        signal: ctx.signal,
      });
      return { status: 201, headers: createdHeaders(name.name, stored.digest) };
    }
    // A mount or a session needs the repository row (the session row refers to it).
    const repository = await this.repositories.materialize(target);
    if (mount !== null) {
      const mounted = await this.blobs.mount(repository, mount, ctx.query.get('from'));
      if (mounted) return { status: 201, headers: createdHeaders(name.name, mounted.digest) };
    }
    // The session's owner: the subject of the token that opened it (none without auth or for anonymous tokens).
    const id = await this.uploads.start(repository, ctx.token?.sub || null);
    return {
      status: 202,
      headers: { ...uploadHeaders(name.name, id, 0), 'OCI-Chunk-Min-Length': OCI_CHUNK_MIN_LENGTH },
    };
  };

  /** `GET /v2/<name>/blobs/uploads/<uuid>`: 204 with the session's Location and progress. */
  status = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const repository = await this.repositories.forRead(name);
    const upload = await this.uploads.require(repository, param(ctx, 'uuid'));
    return { status: 204, headers: uploadHeaders(name.name, upload.id, await this.uploads.size(upload.id)) };
  };

  /**
   * `PATCH /v2/<name>/blobs/uploads/<uuid>`: appends a chunk and answers 202 with the new progress. With
   * Content-Range the chunk must start where the session ends (else 416); without it the whole body is appended
   * (the streamed upload Docker uses).
   */
  patch = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const id = param(ctx, 'uuid');
    const repository = await this.repositories.forRead(name);
    const size = await this.withUploadHeaders(name.name, id, async () => {
      await this.uploads.require(repository, id);
      return this.uploads.append(repository, id, ctx.req, this.chunk(ctx), ctx.signal);
    });
    return { status: 202, headers: uploadHeaders(name.name, id, size) };
  };

  /**
   * `PUT /v2/<name>/blobs/uploads/<uuid>?digest=`: closes the session, with the last chunk in the body if there is
   * one; 201 with the blob's Location when the whole upload hashes to the digest.
   */
  complete = async (ctx: RequestContext): Promise<Reply> => {
    const name = repositoryName(ctx);
    const id = param(ctx, 'uuid');
    const repository = await this.repositories.forRead(name);
    await this.uploads.require(repository, id);
    const digest = requireDigest(ctx.query.get('digest'));
    const body = hasBody(ctx.req, contentLength(ctx.req)) ? ctx.req : undefined;
    const stored = await this.withUploadHeaders(name.name, id, () =>
      this.uploads.complete(repository, id, digest, body, this.chunk(ctx), ctx.signal),
    );
    return { status: 201, headers: createdHeaders(name.name, stored.digest) };
  };

  /** `DELETE /v2/<name>/blobs/uploads/<uuid>`: discards the session and its bytes (204). */
  cancel = async (ctx: RequestContext): Promise<Reply> => {
    const repository = await this.repositories.forRead(repositoryName(ctx));
    await this.uploads.cancel(repository, param(ctx, 'uuid'));
    return { status: 204, headers: { 'Content-Length': 0 } };
  };

  /** Reads Content-Range and Content-Length; a malformed range is a 416, a range whose length disagrees a 400. */
  private chunk(ctx: RequestContext): ChunkInfo {
    const length = contentLength(ctx.req);
    const header = ctx.req.headers['content-range'];
    if (header === undefined) return { length };
    const match = CONTENT_RANGE.exec(header.trim());
    const start = Number(match?.[1]);
    const end = Number(match?.[2]);
    if (!match || !Number.isSafeInteger(end) || end < start) {
      throw new OciError('RANGE_INVALID', { contentRange: header, reason: 'expected <start>-<end>, inclusive' });
    }
    if (length !== undefined && length !== end - start + 1) {
      throw new OciError('SIZE_INVALID', { contentRange: header, contentLength: length });
    }
    return { start, length: end - start + 1 };
  }

  /** Adds the session's Location, id and progress to a 416, so the client knows where to resume, as the spec shows. */
  private async withUploadHeaders<T>(name: string, id: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof OciError && error.status === 416) {
        error.headers['Range'] ??= progressRange(await this.uploads.size(id));
        Object.assign(error.headers, {
          Location: `/v2/${name}/blobs/uploads/${id}`,
          'Docker-Upload-UUID': id,
          'Blob-Upload-Session-ID': id,
        });
      }
      throw error;
    }
  }
}
