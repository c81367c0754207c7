/*
 * Personal access tokens look like `berth_pat_<16 hex>_<43 base64url>`:
 *
 *   berth_pat_            a fixed marker, so the credentials verifier tells a token from a password without a query
 *                         and secret scanners can recognise leaked tokens
 *   <16 hex>              64 random bits naming the row (stored as token_prefix together with the marker); public
 *   _<43 base64url>       256 random bits of secret; only its SHA-256 is stored
 *
 * The secret is stored as a SHA-256 digest; why a fast hash is sound: common/crypto/secret-digest.ts.
 */
import { randomBytes } from 'node:crypto';
import { secretDigest, secretMatchesDigest } from '../../common/crypto/secret-digest';

/** The marker every personal access token starts with. */
export const PAT_MARKER = 'berth_pat_';

/** Bytes of the public lookup part: 64 bits, 16 hex characters. */
const LOOKUP_BYTES = 8;
/** Bytes of the secret: 256 bits, 43 base64url characters. */
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^(berth_pat_[0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A freshly generated token: the full value shown once, and what is stored. */
export interface GeneratedPersonalAccessToken {
  token: string;
  tokenPrefix: string;
  secretHash: string;
}

/** Tells whether a password is meant as a personal access token (it carries the marker). */
export function looksLikePersonalAccessToken(password: string): boolean {
  return password.startsWith(PAT_MARKER);
}

/** Generates a new token. */
export function generatePersonalAccessToken(): GeneratedPersonalAccessToken {
  const tokenPrefix = PAT_MARKER + randomBytes(LOOKUP_BYTES).toString('hex');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { token: `${tokenPrefix}_${secret}`, tokenPrefix, secretHash: hashPersonalAccessTokenSecret(secret) };
}

/** Splits a token into its stored prefix and its secret, or null when it is not shaped like one. */
export function parsePersonalAccessToken(token: string): { tokenPrefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { tokenPrefix: match[1]!, secret: match[2]! } : null;
}

/** Hashes a token's secret for storage (hex SHA-256). */
export function hashPersonalAccessTokenSecret(secret: string): string {
  return secretDigest(secret);
}

/** Compares a secret with a stored hash in constant time. */
export function personalAccessTokenSecretMatches(secret: string, secretHash: string): boolean {
  return secretMatchesDigest(secret, secretHash);
}
