/** Shortest password accepted, as in Harbor. */
export const MIN_PASSWORD_LENGTH = 8;

/** Longest password accepted: far above any passphrase, low enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 128;

/** Longest login name (the column's length). */
export const MAX_USERNAME_LENGTH = 255;

/** Characters a login name may not hold: Harbor's forbidden set, plus `:` (it ends the name in a Basic header). */
const FORBIDDEN_USERNAME_CHARACTERS = /[,"~#$%:\s\p{Cc}]/u;

/** Checks a new password against Harbor's rule (8 to 128 characters, with upper case, lower case and a digit). */
export function passwordPolicyViolation(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    return `the password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`;
  }
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/[0-9]/.test(password)) {
    return 'the password must contain an upper-case letter, a lower-case letter and a digit';
  }
  return null;
}

/** Checks a new login name; robot names (by the configured prefix) are reserved for robots. */
export function usernameViolation(username: string, robotPrefix: string): string | null {
  if (username.length === 0 || username.length > MAX_USERNAME_LENGTH) {
    return `the username must be 1 to ${MAX_USERNAME_LENGTH} characters long`;
  }
  if (robotPrefix !== '' && username.toLowerCase().startsWith(robotPrefix.toLowerCase())) {
    return `usernames starting with ${robotPrefix} are reserved for robot accounts`;
  }
  if (FORBIDDEN_USERNAME_CHARACTERS.test(username)) {
    return 'the username may not contain white space, control characters or any of , " ~ # $ % :';
  }
  return null;
}
