import { CSRF_HEADER } from '@berth/api-client';

/** The readable cookie in which core-api hands the console the session's CSRF token. */
export const CSRF_COOKIE = 'berth-csrf';

let lastSeenToken: string | undefined;

/** Reads one cookie of the console's origin, or undefined. */
function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim()) || undefined;
  }
  return undefined;
}

/** Returns the CSRF token to send on unsafe requests: the cookie's, else the last one an answer carried. */
export function currentCsrfToken(): string | undefined {
  return readCookie(CSRF_COOKIE) ?? lastSeenToken;
}

/** Remembers the token an answer carried in the CSRF header (Harbor sends it on every answer). */
export function rememberCsrfToken(response: Response): void {
  const token = response.headers.get(CSRF_HEADER);
  if (token) lastSeenToken = token;
}

/** Forgets the remembered token, at sign-out. */
export function forgetCsrfToken(): void {
  lastSeenToken = undefined;
}
