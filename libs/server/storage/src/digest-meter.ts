import { createHash, type Hash } from 'node:crypto';
import { BlobDriverError } from './blob-driver';
import { parseDigest, type ParsedDigest } from './layout';

/**
 * Counts the bytes of a body as the driver consumes it, feeds them to an optional running hash, and fails with
 * SIZE_MISMATCH as soon as more bytes than announced arrive (so an oversized body is cut off early instead of filling
 * the disk). Upload-session appends use it as is, since their digest is not known yet. It is not a stream stage: the
 * drivers call update() from their own write loops, which saves a Transform's buffering on every chunk.
 */
export class ChunkMeter {
  private count = 0;

  constructor(
    private readonly expectedSize?: number,
    private readonly hash?: Hash,
    /** What the bytes are, for the error message ("chunk", "body"). */
    private readonly noun = 'chunk',
  ) {}

  /** Returns how many bytes have passed so far. */
  get bytes(): number {
    return this.count;
  }

  /** Throws SIZE_MISMATCH unless exactly the announced number of bytes passed. */
  verify(): void {
    if (this.expectedSize !== undefined && this.count !== this.expectedSize) throw this.sizeMismatch();
  }

  /** Counts and hashes a chunk, throwing SIZE_MISMATCH once more bytes than announced have arrived. */
  update(chunk: Buffer | string): void {
    if (typeof chunk === 'string') chunk = Buffer.from(chunk);
    this.count += chunk.length;
    if (this.expectedSize !== undefined && this.count > this.expectedSize) throw this.sizeMismatch();
    this.hash?.update(chunk);
  }

  private sizeMismatch(): BlobDriverError {
    return new BlobDriverError(
      'SIZE_MISMATCH',
      `${this.noun} length differs from the announced ${this.expectedSize} bytes (${this.count} read)`,
    );
  }
}

/** A ChunkMeter for a whole blob whose digest is known: verify() also checks the bytes hash to that digest. */
export class DigestMeter extends ChunkMeter {
  private readonly expected: ParsedDigest;
  private readonly digestHash: Hash;

  constructor(
    private readonly digest: string,
    expectedSize?: number,
  ) {
    const expected = parseDigest(digest);
    const hash = createHash(expected.algorithm);
    super(expectedSize, hash, 'body');
    this.expected = expected;
    this.digestHash = hash;
  }

  /** Throws SIZE_MISMATCH or DIGEST_MISMATCH unless the bytes seen so far are exactly the announced blob. */
  override verify(): void {
    super.verify();
    const actual = this.digestHash.digest('hex');
    if (actual !== this.expected.hex) {
      throw new BlobDriverError(
        'DIGEST_MISMATCH',
        `body hashes to ${this.expected.algorithm}:${actual}, not ${this.digest}`,
      );
    }
  }
}

/** Reads a whole body through a meter without keeping it, then verifies it (for digests already stored). */
export async function drainAndVerify(meter: DigestMeter, body: AsyncIterable<Buffer | string>): Promise<number> {
  for await (const chunk of body) meter.update(chunk);
  meter.verify();
  return meter.bytes;
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
