/** Why the sign-in page is shown; `expired` adds a notice that the session ended. */
export type SignInReason = 'expired' | 'signed-out';

/** The sign-in page's path. */
export const SIGN_IN_PATH = '/sign-in';

/** Where the console goes after sign-in when nothing asked for another page. */
export const HOME_PATH = '/projects';

/** Builds the sign-in URL that returns to `next` afterwards. */
export function signInUrl(next: string, reason?: SignInReason): string {
  const params = new URLSearchParams();
  if (next && next !== '/' && !next.startsWith(SIGN_IN_PATH)) params.set('next', next);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

/** Returns where to go after sign-in: `next` when it is a path of this console, else the home page. */
export function safeNext(next: string | null): string {
  // Only same-origin paths: `//host` and `/\host` would leave the console.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  if (next.startsWith(SIGN_IN_PATH)) return HOME_PATH;
  return next;
}
