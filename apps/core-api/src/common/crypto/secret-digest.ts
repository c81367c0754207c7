import { createHash, timingSafeEqual } from 'node:crypto';

/*
 * Machine secrets (robot secrets, personal access tokens) are stored as SHA-256 digests, not with a slow password hash
 * such as argon2. A slow hash exists to make guessing low-entropy human passwords expensive; these secrets carry 190
 * bits or more of randomness, so guessing one from a leaked digest is infeasible at any hashing speed, and a fast hash
 * keeps cheap the check that runs on every docker login and API call presenting one.
 */

/** Digests a high-entropy secret for storage, as lower-case hex SHA-256. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hex digest in constant time; false for a malformed digest. */
export function secretMatchesDigest(secret: string, hexDigest: string): boolean {
  const expected = Buffer.from(hexDigest, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  // A corrupt digest decodes to another length, and timingSafeEqual throws on a length mismatch.
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
