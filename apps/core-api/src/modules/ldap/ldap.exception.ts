import { HttpException, HttpStatus } from '@nestjs/common';

/** Why an LDAP operation failed, from the caller's point of view. */
export type LdapErrorCode =
  /** LDAP sign-in is not set up: no ldap_url or ldap_base_dn. */
  | 'NOT_CONFIGURED'
  /** Wrong username or password, or no such user (never told apart, so usernames cannot be probed). */
  | 'BAD_CREDENTIALS'
  /** The server could not be reached, did not answer within ldap_timeout, or failed the TLS handshake. */
  | 'UNREACHABLE'
  /** The server answered with an error: a refused search DN, a missing base DN, a bad filter. */
  | 'REJECTED'
  /** A local account already has the LDAP user's name, so the LDAP user is not let into it. */
  | 'USER_CONFLICT';

const STATUS: Record<LdapErrorCode, HttpStatus> = {
  NOT_CONFIGURED: HttpStatus.BAD_REQUEST,
  BAD_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  UNREACHABLE: HttpStatus.SERVICE_UNAVAILABLE,
  REJECTED: HttpStatus.BAD_GATEWAY,
  USER_CONFLICT: HttpStatus.CONFLICT,
};

/** A failed LDAP operation with a code callers switch on and a message people can act on. */
export class LdapException extends HttpException {
  constructor(
    readonly code: LdapErrorCode,
    message: string,
  ) {
    super(message, STATUS[code]);
  }
}

/** The refusal of a search DN that is set without a password, which would otherwise bind anonymously. */
export function searchPasswordMissing(): LdapException {
  return new LdapException('REJECTED', 'ldap_search_dn is set but ldap_search_password is empty');
}

/** The refusal of Berth's own bind as ldap_search_dn: a misconfiguration, never the signing-in user's fault. */
export function searchDnRefused(searchDn: string): LdapException {
  return new LdapException('REJECTED', `the LDAP server refused ldap_search_dn ${searchDn} or its password`);
}
