/*
 * Operator note: a write in progress is an incomplete multipart upload to the blob's final key (or, for a large
 * upload-session append, to its chunk key under uploads/). The driver aborts it on every failure it sees, but a
 * crashed process leaves it behind, invisible yet billed. Give the bucket a lifecycle rule that aborts incomplete
 * multipart uploads after a day, for example
 *   {"Rules":[{"ID":"abort-stale-uploads","Status":"Enabled","Filter":{"Prefix":""},
 *              "AbortIncompleteMultipartUpload":{"DaysAfterInitiation":1}}]}
 * applied with `aws s3api put-bucket-lifecycle-configuration` or `mc ilm import`. The driver does not set it itself:
 * lifecycle APIs differ between providers and usually need more privileges than reading and writing objects.
 *
 * The driver keeps to operations that AWS S3, MinIO and OpenStack Swift's s3api all implement alike: HEAD/GET
 * (with Range)/PUT/DELETE object, ListObjectsV2 with a prefix, and initiate/upload part/complete/abort multipart.
 * It never uses server-side copy or compose (Swift answers 412 when the source was uploaded in parts) and never lists
 * multipart uploads (Swift fails without a delimiter).
 */
import { Client, S3Error } from 'minio';
import { type Readable, addAbortSignal } from 'node:stream';
import {
  type AppendUploadOptions,
  type BlobDriver,
  BlobDriverError,
  type BlobStat,
  type ByteRange,
  type PutBlobOptions,
} from './blob-driver';
import { ChunkMeter, DigestMeter, drainAndVerify } from './digest-meter';
import {
  BLOBS_PREFIX,
  UPLOADS_PREFIX,
  blobPath,
  checkUploadId,
  digestFromBlobPath,
  parseUploadChunkKey,
  uploadChunkKey,
} from './layout';
import { checkRange } from './range';

/** Bytes in one MiB. */
export const MIB = 1024 * 1024;

/** S3's smallest allowed part (all parts but the last must be at least this big). */
export const MIN_PART_SIZE = 5 * MIB;

/** The default part size: 16 MiB keeps a write's memory small while 10,000 parts still reach 156 GiB blobs. */
export const DEFAULT_PART_SIZE = 16 * MIB;

const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound', 'NoSuchObject']);
const BUCKET_EXISTS_CODES = new Set(['BucketAlreadyOwnedByYou', 'BucketAlreadyExists']);

/** Where and how an S3BlobDriver connects. */
export interface S3BlobDriverOptions {
  /** Service URL, e.g. http://minio:9000; the scheme decides TLS. */
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Size of each multipart part in bytes (at least 5 MiB); one part is buffered in memory per write. */
  partSize?: number;
}

/** Stores blobs as objects in one S3 bucket (MinIO, AWS S3 or another S3-compatible service), keyed as in layout.ts. */
export class S3BlobDriver implements BlobDriver {
  readonly kind = 's3';
  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;
  private readonly partSize: number;

  constructor(options: S3BlobDriverOptions) {
    this.bucket = options.bucket;
    this.region = options.region;
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    if (!Number.isSafeInteger(this.partSize) || this.partSize < MIN_PART_SIZE) {
      throw new RangeError(`part size must be an integer of at least ${MIN_PART_SIZE} bytes`);
    }
    const url = new URL(options.endpoint);
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: options.region,
      pathStyle: true,
      // Keeps the client's own putObject to a single PUT for the one-part bodies this driver hands it.
      partSize: this.partSize,
    });
  }

  /**
   * Streams the body to the blob's key, hashing while it streams: a body that fits in one part is checked and then
   * sent with one PUT; a larger one becomes a multipart upload that is completed only if size and digest check out
   * and aborted otherwise, so a reader never sees a partial or wrong blob.
   */
  async put(digest: string, body: Readable, options: PutBlobOptions = {}): Promise<BlobStat> {
    const meter = new DigestMeter(digest, options.expectedSize);
    const key = blobPath(digest);
    if (options.signal) addAbortSignal(options.signal, body);

    if (await this.stat(digest)) {
      // The blob is already stored; the body must still be the blob the caller claims, but its bytes are not needed.
      return { digest, size: await drainAndVerify(meter, body) };
    }
    await this.writeObject(key, body, meter);
    return { digest, size: meter.bytes };
  }

  /**
   * Stores the body as the session's chunk object at `offset` (one PUT when it fits a part, else a multipart upload),
   * after checking `offset` is where the session's chain of chunks ends. A failed append leaves no chunk object.
   */
  async appendUpload(
    uploadId: string,
    offset: number,
    body: Readable,
    options: AppendUploadOptions = {},
  ): Promise<number> {
    const key = uploadChunkKey(uploadId, offset);
    if (options.signal) addAbortSignal(options.signal, body);
    const stored = await this.uploadSize(uploadId);
    if (stored !== offset) {
      throw new BlobDriverError(
        'UPLOAD_OFFSET_MISMATCH',
        `upload ${uploadId} holds ${stored} bytes; an append must start there, not at ${offset}`,
      );
    }
    const meter = new ChunkMeter(options.expectedSize);
    await this.writeObject(key, body, meter, { skipEmpty: true });
    return offset + meter.bytes;
  }

  /** Returns the length of the session's chain of chunk objects (0 when it has none). */
  async uploadSize(uploadId: string): Promise<number> {
    return (await this.uploadChunks(uploadId)).reduce((total, chunk) => total + chunk.size, 0);
  }

  /**
   * Streams the session's chunks in order through the hash into a multipart upload to the blob's key, completed only
   * when size and digest match (S3 has no server-side concatenation that Swift supports, and the bytes must be read
   * to be hashed anyway); then deletes the chunks. A blob already stored is only verified against the chunks.
   */
  async commitUpload(uploadId: string, digest: string, options: { expectedSize?: number } = {}): Promise<BlobStat> {
    const key = blobPath(digest);
    const chunks = await this.uploadChunks(uploadId);
    const size = chunks.reduce((total, chunk) => total + chunk.size, 0);
    if (options.expectedSize !== undefined && size !== options.expectedSize) {
      throw new BlobDriverError(
        'SIZE_MISMATCH',
        `upload holds ${size} bytes, not the announced ${options.expectedSize}`,
      );
    }
    const meter = new DigestMeter(digest, size);
    if (await this.stat(digest)) await drainAndVerify(meter, this.readChunks(chunks));
    else await this.writeObject(key, this.readChunks(chunks), meter);
    await this.abortUpload(uploadId);
    return { digest, size };
  }

  /** Deletes every chunk object of the session; a missing session is not an error. */
  async abortUpload(uploadId: string): Promise<void> {
    checkUploadId(uploadId);
    const keys: string[] = [];
    for await (const item of this.client.listObjectsV2(this.bucket, `${UPLOADS_PREFIX}/${uploadId}/`, true)) {
      if (typeof item.name === 'string') keys.push(item.name);
    }
    if (keys.length > 0) await this.client.removeObjects(this.bucket, keys);
  }

  /** Lists the sessions that have chunk objects, each with its newest chunk's modification time. */
  async *listUploads(): AsyncIterable<{ uploadId: string; modifiedAt: Date }> {
    let current: { uploadId: string; modifiedAt: Date } | undefined;
    // Keys come in lexical order, so one session's chunks are adjacent.
    for await (const item of this.client.listObjectsV2(this.bucket, `${UPLOADS_PREFIX}/`, true)) {
      const parsed = typeof item.name === 'string' ? parseUploadChunkKey(item.name) : undefined;
      if (!parsed) continue;
      const modifiedAt = item.lastModified ?? new Date(0);
      if (current?.uploadId === parsed.uploadId) {
        if (modifiedAt > current.modifiedAt) current.modifiedAt = modifiedAt;
        continue;
      }
      if (current) yield current;
      current = { uploadId: parsed.uploadId, modifiedAt };
    }
    if (current) yield current;
  }

  /** Returns the object's size, or undefined when no complete blob has that digest. */
  async stat(digest: string): Promise<BlobStat | undefined> {
    try {
      const info = await this.client.statObject(this.bucket, blobPath(digest));
      return { digest, size: info.size };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Opens a read stream over the object or an inclusive range of it (one GET with a Range header). */
  async get(digest: string, range?: ByteRange): Promise<Readable> {
    const key = blobPath(digest);
    if (range) checkRange(range);
    try {
      return range
        ? await this.client.getPartialObject(this.bucket, key, range.start, range.end - range.start + 1)
        : await this.client.getObject(this.bucket, key);
    } catch (error) {
      if (isNotFound(error)) throw new BlobDriverError('BLOB_NOT_FOUND', `blob ${digest} not found`);
      if (error instanceof S3Error && error.code === 'InvalidRange') {
        throw new BlobDriverError(
          'RANGE_NOT_SATISFIABLE',
          `range ${range?.start}-${range?.end} of ${digest}: ${error.message}`,
        );
      }
      throw error;
    }
  }

  /** Deletes the object; S3 answers a delete of a missing key with success, so a missing blob is no error. */
  async delete(digest: string): Promise<void> {
    await this.client.removeObject(this.bucket, blobPath(digest));
  }

  /** Lists every key under blobs/ (ListObjectsV2, paged by the client) and yields the well-formed blob digests. */
  async *list(): AsyncIterable<string> {
    for await (const item of this.client.listObjectsV2(this.bucket, `${BLOBS_PREFIX}/`, true)) {
      const digest = typeof item.name === 'string' ? digestFromBlobPath(item.name) : undefined;
      if (digest) yield digest;
    }
  }

  /** Checks the service answers and the bucket exists. */
  async ping(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) throw new Error(`bucket ${this.bucket} does not exist`);
  }

  /** Creates the bucket when it is missing (called once at service startup; concurrent callers are fine). */
  async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      if (!(error instanceof S3Error && BUCKET_EXISTS_CODES.has(error.code ?? ''))) throw error;
    }
  }

  /**
   * Streams a body to one key, buffering one part: a body that fits in a part is sent with one PUT once the meter
   * verified it; a larger one becomes a multipart upload completed only after the meter verified the whole body and
   * aborted on any failure, so the key never holds a partial or wrong object.
   */
  private async writeObject(
    key: string,
    body: AsyncIterable<Buffer | string>,
    meter: { update(chunk: Buffer): void; verify(): void },
    options: { skipEmpty?: boolean } = {},
  ): Promise<void> {
    const part = Buffer.allocUnsafe(this.partSize);
    let filled = 0;
    let written = 0;
    let upload: MultipartUpload | undefined;
    try {
      for await (const data of body) {
        const chunk = typeof data === 'string' ? Buffer.from(data) : data;
        meter.update(chunk);
        written += chunk.length;
        for (let offset = 0; offset < chunk.length;) {
          const copied = chunk.copy(part, filled, offset);
          filled += copied;
          offset += copied;
          if (filled === this.partSize) {
            upload ??= await MultipartUpload.initiate(this.client, this.bucket, key);
            await upload.uploadPart(part);
            filled = 0;
          }
        }
      }
      meter.verify();
      if (!upload) {
        if (written > 0 || !options.skipEmpty) {
          await this.client.putObject(this.bucket, key, part.subarray(0, filled), filled);
        }
      } else {
        if (filled > 0) await upload.uploadPart(part.subarray(0, filled));
        await upload.complete();
      }
    } catch (error) {
      await upload?.abort();
      throw error;
    }
  }

  /** Returns the session's chunks that form its bytes: the chain from offset 0, each starting where the last ends. */
  private async uploadChunks(uploadId: string): Promise<{ key: string; offset: number; size: number }[]> {
    checkUploadId(uploadId);
    const found: { key: string; offset: number; size: number }[] = [];
    for await (const item of this.client.listObjectsV2(this.bucket, `${UPLOADS_PREFIX}/${uploadId}/`, true)) {
      const parsed = typeof item.name === 'string' ? parseUploadChunkKey(item.name) : undefined;
      if (parsed && item.name) found.push({ key: item.name, offset: parsed.offset, size: item.size ?? 0 });
    }
    found.sort((a, b) => a.offset - b.offset);
    const chain: typeof found = [];
    let end = 0;
    for (const chunk of found) {
      // A chunk starting inside the chain was superseded; one starting past its end is not reachable (yet).
      if (chunk.offset > end) break;
      if (chunk.offset < end || chunk.size === 0) continue;
      chain.push(chunk);
      end += chunk.size;
    }
    return chain;
  }

  /** Reads the given chunk objects one after another, as one stream of bytes. */
  private async *readChunks(chunks: readonly { key: string }[]): AsyncGenerator<Buffer> {
    for (const chunk of chunks) {
      for await (const data of await this.client.getObject(this.bucket, chunk.key)) yield data as Buffer;
    }
  }
}

/** One multipart upload to a final key, through the minio client's low-level multipart calls. */
class MultipartUpload {
  private readonly parts: { part: number; etag: string }[] = [];

  private constructor(
    private readonly client: Client,
    private readonly bucket: string,
    private readonly key: string,
    private readonly uploadId: string,
  ) {}

  static async initiate(client: Client, bucket: string, key: string): Promise<MultipartUpload> {
    const uploadId = await client.initiateNewMultipartUpload(bucket, key, {});
    return new MultipartUpload(client, bucket, key, uploadId);
  }

  async uploadPart(data: Buffer): Promise<void> {
    const partNumber = this.parts.length + 1;
    const { etag } = await this.client.uploadPart(
      { bucketName: this.bucket, objectName: this.key, uploadID: this.uploadId, partNumber, headers: {} },
      data,
    );
    this.parts.push({ part: partNumber, etag });
  }

  async complete(): Promise<void> {
    await this.client.completeMultipartUpload(this.bucket, this.key, this.uploadId, this.parts);
  }

  /** Aborts the upload; a failure to abort is left to the bucket's lifecycle rule rather than hiding the cause. */
  async abort(): Promise<void> {
    await this.client.abortMultipartUpload(this.bucket, this.key, this.uploadId).catch(() => undefined);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3Error && NOT_FOUND_CODES.has(error.code ?? '');
}
