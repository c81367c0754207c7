/** What a Bearer challenge tells the client: where to get a token, for which service and scope, and what went wrong. */
export interface BearerChallenge {
  realm: string;
  service: string;
  /** The scope the request needs, e.g. `repository:library/app:pull,push`; absent for `GET /v2/`. */
  scope?: string;
  /** RFC 6750 error code, when a token was presented but refused. */
  error?: 'invalid_token' | 'insufficient_scope';
}

/** Quotes a value as an RFC 9110 quoted-string (backslash before `"` and `\`; control characters dropped). */
function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Formats the `WWW-Authenticate` value of a 401: `Bearer realm="…",service="…",scope="…"[,error="…"]`. */
export function formatBearerChallenge(challenge: BearerChallenge): string {
  const params: [string, string | undefined][] = [
    ['realm', challenge.realm],
    ['service', challenge.service],
    ['scope', challenge.scope],
    ['error', challenge.error],
  ];
  return `Bearer ${params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${quoted(value)}`)
    .join(',')}`;
}

/** Longest Authorization header read; Berth's tokens are a few KiB, so longer is never one of them. */
const MAX_AUTHORIZATION_LENGTH = 64 * 1024;

/** Reads the token of an `Authorization: Bearer <token>` header: undefined without one (or with another scheme). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header || header.length > MAX_AUTHORIZATION_LENGTH) return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return match?.[1];
}
