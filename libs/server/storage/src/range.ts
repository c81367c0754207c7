import { BlobDriverError, type ByteRange } from './blob-driver';

/**
 * Throws RANGE_NOT_SATISFIABLE unless the range is well formed (non-negative integers, start ≤ end) and, when the
 * blob's size is given, starts inside the blob. An end past the blob's last byte is allowed and means "to the end".
 */
export function checkRange(range: ByteRange, size?: number): void {
  const wellFormed = Number.isSafeInteger(range.start) && Number.isSafeInteger(range.end) && range.start >= 0;
  if (!wellFormed || range.end < range.start || (size !== undefined && range.start >= size)) {
    throw new BlobDriverError(
      'RANGE_NOT_SATISFIABLE',
      `range ${range.start}-${range.end} is not satisfiable${size === undefined ? '' : ` for a blob of ${size} bytes`}`,
    );
  }
}
