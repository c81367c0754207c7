/**
 * Resolves the LDAP group DNs of a user already onboarded, in one search, without their password: what a console
 * session or a personal access token needs when the groups cached at sign-in have expired. AuthModule binds it to
 * LdapService; it stays optional so tests can build the resolver without a directory.
 */
export interface LdapGroupLookup {
  /** Returns the normalized DNs of every group the entry `userDn` is in; throws when LDAP cannot answer. */
  groupDnsOf(userDn: string): Promise<string[]>;
}

/** Injection token of the optional LdapGroupLookup. */
export const LDAP_GROUP_LOOKUP = Symbol('LDAP_GROUP_LOOKUP');
