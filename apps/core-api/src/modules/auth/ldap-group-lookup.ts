/**
 * Resolves the LDAP group DNs of a user already onboarded, in one search, without their password: what a console
 * session or a personal access token needs when the groups cached at sign-in have expired. LdapService does not
 * offer this yet; bind it with `{ provide: LDAP_GROUP_LOOKUP, useExisting: LdapService }` once it does. Until then
 * a session keeps the groups of its sign-in, and a token of an LDAP user acts without group roles after the cache
 * expires.
 */
export interface LdapGroupLookup {
  /** Returns the normalized DNs of every group the entry `userDn` is in; throws when LDAP cannot answer. */
  groupDnsOf(userDn: string): Promise<string[]>;
}

/** Injection token of the optional LdapGroupLookup. */
export const LDAP_GROUP_LOOKUP = Symbol('LDAP_GROUP_LOOKUP');
