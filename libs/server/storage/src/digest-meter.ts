import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BlobDriverError } from './blob-driver';
import { parseDigest, type ParsedDigest } from './layout';

/**
 * A pass-through stream that hashes and counts the bytes flowing through it, failing with SIZE_MISMATCH as soon as
 * more bytes than announced arrive (so an oversized body is cut off early instead of filling the disk).
 */
export class DigestMeter extends Transform {
  private readonly hash: Hash;
  private readonly expected: ParsedDigest;
  private count = 0;

  constructor(
    private readonly digest: string,
    private readonly expectedSize?: number,
  ) {
    super();
    this.expected = parseDigest(digest);
    this.hash = createHash(this.expected.algorithm);
  }

  /** Returns how many bytes have passed so far. */
  get bytes(): number {
    return this.count;
  }

  /** Feeds a chunk to the hash and the count without passing it on (for callers that consume bodies themselves). */
  update(chunk: Buffer | string): void {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk);
    this.count += chunk.length;
    if (this.expectedSize !== undefined && this.count > this.expectedSize) throw this.sizeMismatch();
    this.hash.update(chunk);
  }

  /** Throws SIZE_MISMATCH or DIGEST_MISMATCH unless the bytes seen so far are exactly the announced blob. */
  verify(): void {
    if (this.expectedSize !== undefined && this.count !== this.expectedSize) throw this.sizeMismatch();
    const actual = this.hash.digest('hex');
    if (actual !== this.expected.hex) {
      throw new BlobDriverError(
        'DIGEST_MISMATCH',
        `body hashes to ${this.expected.algorithm}:${actual}, not ${this.digest}`,
      );
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.update(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  private sizeMismatch(): BlobDriverError {
    return new BlobDriverError(
      'SIZE_MISMATCH',
      `body length differs from the announced ${this.expectedSize} bytes (${this.count} read)`,
    );
  }
}

/** Reads a whole body through a meter without keeping it, then verifies it (for digests already stored). */
export async function drainAndVerify(meter: DigestMeter, body: AsyncIterable<Buffer | string>): Promise<number> {
  for await (const chunk of body) meter.update(chunk);
  meter.verify();
  return meter.bytes;
}

/**
 * A pass-through stream for upload-session appends, whose digest is not known yet: counts the bytes, feeds them to an
 * optional running hash, and fails with SIZE_MISMATCH as soon as more bytes than announced arrive.
 */
export class ChunkMeter extends Transform {
  private count = 0;

  constructor(
    private readonly expectedSize?: number,
    private readonly hash?: Hash,
  ) {
    super();
  }

  /** Returns how many bytes have passed so far. */
  get bytes(): number {
    return this.count;
  }

  /** Throws SIZE_MISMATCH unless exactly the announced number of bytes passed. */
  verify(): void {
    if (this.expectedSize !== undefined && this.count !== this.expectedSize) throw this.sizeMismatch();
  }

  /** Counts and hashes a chunk without passing it on (for callers that consume bodies themselves). */
  update(chunk: Buffer | string): void {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk);
    this.count += chunk.length;
    if (this.expectedSize !== undefined && this.count > this.expectedSize) throw this.sizeMismatch();
    this.hash?.update(chunk);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.update(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  private sizeMismatch(): BlobDriverError {
    return new BlobDriverError(
      'SIZE_MISMATCH',
      `chunk length differs from the announced ${this.expectedSize} bytes (${this.count} read)`,
    );
  }
}

/** Throws DIGEST_MISMATCH unless the hash (of the named algorithm) ends in the digest's hex. */
export function verifyDigest(digest: ParsedDigest, hash: Hash): void {
  const actual = hash.digest('hex');
  if (actual !== digest.hex) {
    throw new BlobDriverError(
      'DIGEST_MISMATCH',
      `the upload's bytes hash to ${digest.algorithm}:${actual}, not ${digest.algorithm}:${digest.hex}`,
    );
  }
}
