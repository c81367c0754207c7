import { queryOptions } from '@tanstack/react-query';
import { berthClient, unwrap } from '../api/client';
import type { LdapGroup, LdapUser } from '../api/types';

/** A distinguished name: comma-separated `attribute=value` pairs (LDAP checks the rest). */
export const DN_PATTERN = /^\s*[A-Za-z][\w-]*\s*=[^,]+(,\s*[A-Za-z][\w-]*\s*=[^,]+)*\s*$/;

/** Tells whether text reads as a distinguished name, e.g. `cn=developers,ou=groups,dc=example,dc=com`. */
export function isDn(text: string): boolean {
  return DN_PATTERN.test(text);
}

/** The value of a DN's first attribute (`developers` of `cn=developers,ou=groups`), the group's usual name. */
export function firstRdnValue(dn: string): string {
  const first = dn.split(',')[0] ?? '';
  return first.slice(first.indexOf('=') + 1).trim();
}

/** TanStack Query keys of LDAP searches; they ask the directory, so they are never shared with Berth's own lists. */
export const ldapKeys = {
  all: ['ldap'] as const,
  groupSearch: (text: string) => [...ldapKeys.all, 'groups', text] as const,
  userSearch: (text: string) => [...ldapKeys.all, 'users', text] as const,
};

/** Describes `GET /ldap/groups/search`: by exact DN when the text is one, else by part of the group's name. */
export const ldapGroupSearchQuery = (text: string) =>
  queryOptions({
    queryKey: ldapKeys.groupSearch(text),
    queryFn: async ({ signal }): Promise<LdapGroup[]> =>
      unwrap(
        await berthClient.GET('/ldap/groups/search', {
          params: { query: isDn(text) ? { groupdn: text.trim() } : { groupname: text.trim() } },
          signal,
        }),
      ),
    enabled: text.trim() !== '',
  });

/** Describes `GET /ldap/users/search`: users whose login name contains the text; no text lists the first users. */
export const ldapUserSearchQuery = (text: string) =>
  queryOptions({
    queryKey: ldapKeys.userSearch(text.trim()),
    queryFn: async ({ signal }): Promise<LdapUser[]> =>
      unwrap(
        await berthClient.GET('/ldap/users/search', {
          params: { query: text.trim() ? { username: text.trim() } : {} },
          signal,
        }),
      ),
  });
