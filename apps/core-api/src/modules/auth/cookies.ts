import type { Request } from 'express';
import { type ServerResponse } from 'node:http';

/** The console's session cookie, named as Harbor's. */
export const SESSION_COOKIE = 'sid';

/** The readable cookie carrying the session's CSRF token, for the console to echo in a header. */
export const CSRF_COOKIE = 'berth-csrf';

/** The header the console sends the CSRF token in. */
export const CSRF_HEADER = 'x-berth-csrf-token';

/** Harbor's CSRF header, accepted too so Harbor-era scripts keep working. */
export const HARBOR_CSRF_HEADER = 'x-harbor-csrf-token';

/** Longest cookie value read; our values are 43 characters, anything far longer is not ours. */
const MAX_COOKIE_VALUE_LENGTH = 256;

/** Reads one cookie from the request's Cookie header, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value.length > 0 && value.length <= MAX_COOKIE_VALUE_LENGTH ? value : undefined;
  }
  return undefined;
}

/** How the session cookies are set. */
export interface SessionCookieOptions {
  /** Secure cookies only travel over HTTPS: set when the external URL is https. */
  secure: boolean;
}

/** Sets the session cookie (httpOnly) and the readable CSRF cookie; both end with the browser session. */
export function setSessionCookies(res: ServerResponse, sid: string, csrf: string, options: SessionCookieOptions): void {
  appendSetCookie(res, [
    serializeCookie(SESSION_COOKIE, sid, { ...options, httpOnly: true }),
    serializeCookie(CSRF_COOKIE, csrf, { ...options, httpOnly: false }),
  ]);
}

/** Removes both session cookies (empty values that expired at the epoch). */
export function clearSessionCookies(res: ServerResponse, options: SessionCookieOptions): void {
  appendSetCookie(res, [
    serializeCookie(SESSION_COOKIE, '', { ...options, httpOnly: true, expired: true }),
    serializeCookie(CSRF_COOKIE, '', { ...options, httpOnly: false, expired: true }),
  ]);
}

/** Writes one Set-Cookie value; our values are base64url, so they need no encoding. */
function serializeCookie(
  name: string,
  value: string,
  options: { secure: boolean; httpOnly: boolean; expired?: boolean },
): string {
  const parts = [`${name}=${value}`, 'Path=/'];
  if (options.expired) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  parts.push('SameSite=Lax');
  return parts.join('; ');
}

/** Adds Set-Cookie values to those already on the response. */
function appendSetCookie(res: ServerResponse, values: string[]): void {
  const existing = res.getHeader('Set-Cookie');
  const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('Set-Cookie', [...before, ...values]);
}
