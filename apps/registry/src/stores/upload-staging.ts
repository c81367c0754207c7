/*
 * Bytes of chunked (PATCH) uploads before their digest is known, kept on the registry's local disk:
 *
 *   <BERTH_DATA_DIR>/registry-uploads/<upload uuid>     the bytes received so far, appended in order
 *
 * The BlobDriver port stores blobs only under a known digest, so a session's bytes wait here until the closing PUT
 * names the digest and they are streamed into the driver (which verifies it). This is per replica: a session must be
 * continued on the replica that started it, until the driver port gains resumable uploads.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry.config';

/** The folder under the data dir that holds staged upload bytes. */
export const UPLOAD_STAGING_DIR = 'registry-uploads';

/** Appends upload chunks to a local file per session and streams them back when the upload completes. */
@Injectable()
export class UploadStaging {
  private readonly root: string;

  constructor(@Inject(REGISTRY_CONFIG) config: RegistryConfig) {
    this.root = join(config.BERTH_DATA_DIR, UPLOAD_STAGING_DIR);
  }

  /** Appends a chunk to the session's bytes and returns how many bytes it held. */
  async append(id: string, body: Readable, signal: AbortSignal): Promise<number> {
    await mkdir(this.root, { recursive: true });
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    await pipeline(body, counter, createWriteStream(this.path(id), { flags: 'a' }), { signal });
    return bytes;
  }

  /** Returns how many bytes are staged for the session (0 when none). */
  async size(id: string): Promise<number> {
    try {
      return (await stat(this.path(id))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
  }

  /** Opens the staged bytes of a session, or returns undefined when nothing is staged. */
  async open(id: string): Promise<Readable | undefined> {
    return (await this.size(id)) > 0 ? createReadStream(this.path(id)) : undefined;
  }

  /** Discards a session's staged bytes. */
  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  private path(id: string): string {
    return join(this.root, id);
  }
}
