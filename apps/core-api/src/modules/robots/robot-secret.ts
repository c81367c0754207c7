import { randomInt } from 'node:crypto';
import { secretDigest, secretMatchesDigest } from '../../common/crypto/secret-digest';

/*
 * Robot secrets are stored as SHA-256 digests (why a fast hash is sound: common/crypto/secret-digest.ts). A generated
 * secret is 32 characters drawn uniformly from 62, about 190 bits, and secrets a caller chooses must be as long.
 */

/** The alphabet of generated secrets: letters and digits, which survive shells, URLs and Basic headers unquoted. */
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Length of generated secrets: 32 × log2(62) ≈ 190 bits of entropy. */
export const ROBOT_SECRET_LENGTH = 32;

/** Shortest secret a caller may choose: as long as a generated one, so the fast hash stays sound (see above). */
export const MIN_CHOSEN_SECRET_LENGTH = ROBOT_SECRET_LENGTH;

/** Longest secret a caller may choose, as in Harbor. */
export const MAX_CHOSEN_SECRET_LENGTH = 128;

/** The scheme tag of stored hashes, so a later scheme can be told apart. */
const HASH_SCHEME = 'sha256:';

/** Generates a new random secret. */
export function generateRobotSecret(): string {
  let secret = '';
  // randomInt draws without modulo bias.
  for (let i = 0; i < ROBOT_SECRET_LENGTH; i++) secret += SECRET_ALPHABET[randomInt(SECRET_ALPHABET.length)];
  return secret;
}

/** Tells why a chosen secret is refused, or undefined when it is acceptable (Harbor's rule, with a longer minimum). */
export function chosenSecretProblem(secret: string): string | undefined {
  if (secret.length < MIN_CHOSEN_SECRET_LENGTH || secret.length > MAX_CHOSEN_SECRET_LENGTH) {
    return `the secret must be ${MIN_CHOSEN_SECRET_LENGTH} to ${MAX_CHOSEN_SECRET_LENGTH} characters long`;
  }
  if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/[0-9]/.test(secret)) {
    return 'the secret must contain at least one lower case letter, one upper case letter and one digit';
  }
  return undefined;
}

/** Hashes a secret for storage. */
export function hashRobotSecret(secret: string): string {
  return HASH_SCHEME + secretDigest(secret);
}

/** Compares a presented secret with a stored hash in constant time; false for a malformed hash. */
export function robotSecretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash?.startsWith(HASH_SCHEME)) return false;
  return secretMatchesDigest(secret, storedHash.slice(HASH_SCHEME.length));
}
