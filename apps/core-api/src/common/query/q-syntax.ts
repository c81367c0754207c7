/*
 * The syntax of Harbor's `q` list filter, without types:
 *
 *   q=k=v,k2=~v2,k3=[a~b],k4={a b c}
 *
 *   k=v        exact match; `k=\~v` escapes a leading special character, matching "~v" exactly
 *   k=~v       fuzzy match: case-insensitive substring
 *   k=[a~b]    inclusive range; either end may be left open: `[a~]`, `[~b]`
 *   k={a b c}  set: any of the space-separated values
 *
 * Terms are separated by commas. Keys and values are percent-decoded once more after the HTTP layer decoded the query
 * string, as Harbor does, so a value can carry an encoded comma or brace (`%252C` in the URL). Harbor's and-lists
 * `k=(a b)` are refused rather than read as exact values, so a Harbor script that relies on them hears about it.
 */

/** Why a `q`, `sort` or paging parameter was refused; the message is shown to the client as is. */
export class ListQueryError extends Error {
  override readonly name = 'ListQueryError';
}

/** One term of `q` as written, before the endpoint's key types are applied. */
export type RawTerm =
  | { key: string; kind: 'exact'; value: string }
  | { key: string; kind: 'fuzzy'; value: string }
  | { key: string; kind: 'range'; min?: string; max?: string }
  | { key: string; kind: 'set'; values: string[] };

/** Longest `q` accepted, so a pathological filter is refused before any work is done on it. */
export const MAX_Q_LENGTH = 4096;

/** Most values accepted in one `{…}` set; larger sets belong in a different API call, not a URL. */
export const MAX_SET_SIZE = 100;

/** Decodes percent-escapes, keeping the text as written when it is not valid percent-encoding (e.g. "50%"). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses one `k=v` term. */
function parseTerm(term: string): RawTerm {
  const eq = term.indexOf('=');
  if (eq < 0) throw new ListQueryError(`q: term "${term}" must have the form key=value`);
  const key = decode(term.slice(0, eq)).trim();
  const value = decode(term.slice(eq + 1));
  if (key === '') throw new ListQueryError(`q: term "${term}" has an empty key`);
  if (value.trim() === '') throw new ListQueryError(`q: "${key}" has an empty value`);
  if (value.includes('\0')) throw new ListQueryError(`q: the value of "${key}" contains a NUL character`);

  switch (value[0]) {
    case '\\':
      return { key, kind: 'exact', value: value.slice(1) };
    case '~': {
      const needle = value.slice(1);
      if (needle === '') throw new ListQueryError(`q: fuzzy match "${key}=~" needs text after "~"`);
      return { key, kind: 'fuzzy', value: needle };
    }
    case '[':
      return parseRange(key, value);
    case '{':
      return parseSet(key, value);
    case '(':
      throw new ListQueryError(
        `q: "${key}": and-lists "(a b)" are not supported; use a set "{a b}" or escape as "\\("`,
      );
    default:
      return { key, kind: 'exact', value };
  }
}

/** Parses `[min~max]` with either end optional. */
function parseRange(key: string, value: string): RawTerm {
  if (!value.endsWith(']')) throw new ListQueryError(`q: range of "${key}" must end with "]"`);
  const body = value.slice(1, -1);
  if (body.includes('[') || body.includes(']'))
    throw new ListQueryError(`q: range of "${key}" has unbalanced brackets`);
  const parts = body.split('~');
  if (parts.length !== 2) throw new ListQueryError(`q: range of "${key}" must contain exactly one "~", as in [a~b]`);
  const [min, max] = parts.map((part) => part.trim());
  if (!min && !max) throw new ListQueryError(`q: range of "${key}" needs at least one end, as in [a~] or [~b]`);
  return { key, kind: 'range', ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** Parses `{a b c}`. */
function parseSet(key: string, value: string): RawTerm {
  if (!value.endsWith('}')) throw new ListQueryError(`q: set of "${key}" must end with "}"`);
  const values = value
    .slice(1, -1)
    .split(/\s+/)
    .filter((item) => item !== '');
  if (values.length === 0) throw new ListQueryError(`q: set of "${key}" is empty`);
  if (values.length > MAX_SET_SIZE) {
    throw new ListQueryError(`q: set of "${key}" has ${values.length} values; at most ${MAX_SET_SIZE} are allowed`);
  }
  if (values.some((item) => item.includes('{') || item.includes('}'))) {
    throw new ListQueryError(`q: set of "${key}" has unbalanced braces`);
  }
  return { key, kind: 'set', values };
}

/** Parses a whole `q` into its terms, refusing malformed terms and repeated keys. */
export function parseQ(q: string): RawTerm[] {
  if (q.trim() === '') return [];
  if (q.length > MAX_Q_LENGTH) throw new ListQueryError(`q is longer than ${MAX_Q_LENGTH} characters`);
  const terms = q.split(',').map(parseTerm);
  const seen = new Set<string>();
  for (const { key } of terms) {
    if (seen.has(key)) throw new ListQueryError(`q: key "${key}" is given more than once`);
    seen.add(key);
  }
  return terms;
}
