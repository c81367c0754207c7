import type { Request } from 'express';

/** A username and password from an `Authorization: Basic` header. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Longest Authorization header value read; anything longer is not a credential Berth issued or accepts. */
const MAX_AUTHORIZATION_LENGTH = 8 * 1024;

/** Reads Basic credentials from a request: undefined when there are none, null when the header is malformed. */
export function readBasicCredentials(request: Request): BasicCredentials | undefined | null {
  const header = request.headers.authorization;
  if (!header) return undefined;
  if (header.length > MAX_AUTHORIZATION_LENGTH) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
