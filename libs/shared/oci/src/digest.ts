/** Digest algorithms this registry computes and verifies, with the exact shape of their encoded part. */
export const SUPPORTED_DIGEST_ALGORITHMS = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
} as const;

/** A digest algorithm the registry can verify. */
export type DigestAlgorithm = keyof typeof SUPPORTED_DIGEST_ALGORITHMS;

/** The algorithm registries and clients use by default. */
export const DEFAULT_DIGEST_ALGORITHM: DigestAlgorithm = 'sha256';

// image-spec descriptor.md: algorithm-component (separator component)* ":" encoded.
const DIGEST_GRAMMAR = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/;

/** A digest split into its parts. */
export interface Digest {
  algorithm: DigestAlgorithm;
  encoded: string;
  /** The canonical `algorithm:encoded` string. */
  value: string;
}

/** Why a string is not a usable digest: not the grammar, or a grammatical digest of an algorithm we cannot verify. */
export type DigestError = 'invalid' | 'unsupported';

/** The outcome of parsing a digest. */
export type DigestParseResult = { ok: true; digest: Digest } | { ok: false; error: DigestError };

/** Parses `algorithm:encoded`, accepting only the algorithms in SUPPORTED_DIGEST_ALGORITHMS with their exact encoding. */
export function parseDigest(input: string): DigestParseResult {
  const match = DIGEST_GRAMMAR.exec(input);
  if (!match) return { ok: false, error: 'invalid' };
  const [, algorithm, encoded] = match;
  if (!Object.prototype.hasOwnProperty.call(SUPPORTED_DIGEST_ALGORITHMS, algorithm)) {
    return { ok: false, error: 'unsupported' };
  }
  const known = algorithm as DigestAlgorithm;
  if (!SUPPORTED_DIGEST_ALGORITHMS[known].test(encoded)) return { ok: false, error: 'invalid' };
  return { ok: true, digest: { algorithm: known, encoded, value: input } };
}

/** Tells whether a string is a digest of a supported algorithm. */
export function isDigest(input: string): boolean {
  return parseDigest(input).ok;
}
