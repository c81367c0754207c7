import { type Digest, parseDigest } from './digest';

/** Longest repository name the distribution spec asks registries to accept (including every `/`). */
export const MAX_REPOSITORY_NAME_LENGTH = 255;

/** One path component of a repository name: lowercase alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
export const REPOSITORY_NAME_COMPONENT = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';

/** The distribution spec's repository name grammar, anchored. */
export const REPOSITORY_NAME_PATTERN = new RegExp(`^${REPOSITORY_NAME_COMPONENT}(?:/${REPOSITORY_NAME_COMPONENT})*$`);

/** The distribution spec's tag grammar, anchored: at most 128 characters, not starting with `.` or `-`. */
export const TAG_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

/** Tells whether a string is a valid repository name (grammar and length). */
export function isValidRepositoryName(name: string): boolean {
  return name.length <= MAX_REPOSITORY_NAME_LENGTH && REPOSITORY_NAME_PATTERN.test(name);
}

/** A repository name split into its project (first component) and the path below it. */
export interface RepositoryName {
  name: string;
  project: string;
  /** The components after the project; empty when the name has a single component. */
  path: string;
}

/** Parses a repository name, returning undefined when it does not match the grammar. */
export function parseRepositoryName(name: string): RepositoryName | undefined {
  if (!isValidRepositoryName(name)) return undefined;
  const slash = name.indexOf('/');
  return slash < 0
    ? { name, project: name, path: '' }
    : { name, project: name.slice(0, slash), path: name.slice(slash + 1) };
}

/** Tells whether a string is a valid tag. */
export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

/** A manifest reference from a URL: a tag or a digest. */
export type ManifestReference = { kind: 'tag'; tag: string } | { kind: 'digest'; digest: Digest };

/** Why a manifest reference was rejected: neither grammar, or a digest of an unsupported algorithm. */
export type ReferenceError = 'invalid' | 'unsupported-digest';

/** Parses the `<reference>` of `/v2/<name>/manifests/<reference>`: a digest when it contains `:`, else a tag. */
export function parseManifestReference(
  reference: string,
): { ok: true; reference: ManifestReference } | { ok: false; error: ReferenceError } {
  if (reference.includes(':')) {
    const parsed = parseDigest(reference);
    if (parsed.ok) return { ok: true, reference: { kind: 'digest', digest: parsed.digest } };
    return { ok: false, error: parsed.error === 'unsupported' ? 'unsupported-digest' : 'invalid' };
  }
  return isValidTag(reference)
    ? { ok: true, reference: { kind: 'tag', tag: reference } }
    : { ok: false, error: 'invalid' };
}
