/*
 * Pure helpers over LDAP syntax: filters, DNs, entries and the plain-words description of LDAP failures. No I/O, so
 * configuration validation can use them too.
 */
import { type Entry, escapeFilter, FilterParser, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import { type LdapScope } from '../configurations/configuration-keys';

/** Attribute names: a letter, then letters, digits and hyphens (RFC 4512 descr), or a numeric OID. */
const ATTRIBUTE_NAME = /^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)$/;

/** Tells whether a string is an attribute name. */
export function isAttributeName(value: string): boolean {
  return ATTRIBUTE_NAME.test(value);
}

/** Puts parentheses around a filter written without them (`objectClass=person`), as Harbor accepts both. */
export function wrapFilter(filter: string): string {
  const trimmed = filter.trim();
  return trimmed === '' || trimmed.startsWith('(') ? trimmed : `(${trimmed})`;
}

/** Tells whether a configured filter is empty or parses as an RFC 4515 filter. */
export function isValidFilter(filter: string): boolean {
  const wrapped = wrapFilter(filter);
  if (wrapped === '') return true;
  if (!hasBalancedParentheses(wrapped)) return false;
  try {
    FilterParser.parseString(wrapped);
    return true;
  } catch {
    return false;
  }
}

/** The parser accepts a missing closing parenthesis; in RFC 4515 values escape them, so every one counts. */
function hasBalancedParentheses(filter: string): boolean {
  let depth = 0;
  for (const char of filter) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** ANDs filters together, skipping empty ones; a single filter is returned as it is. */
export function andFilters(...filters: string[]): string {
  const parts = filters.map(wrapFilter).filter((part) => part !== '');
  if (parts.length === 0) return '(objectClass=*)';
  return parts.length === 1 ? (parts[0] as string) : `(&${parts.join('')})`;
}

/** An equality filter with the value escaped, so user input never becomes filter syntax. */
export function equalityFilter(attribute: string, value: string): string {
  return `(${attribute}=${escapeFilter`${value}`})`;
}

/** A filter matching `value` anywhere in the attribute (all entries having it when the value is empty). */
export function containsFilter(attribute: string, value: string): string {
  return value === '' ? `(${attribute}=*)` : `(${attribute}=*${escapeFilter`${value}`}*)`;
}

/** A filter matching groups that list any of the DNs as `member` or `uniqueMember` (groupOfUniqueNames). */
export function memberOfAnyFilter(dns: readonly string[]): string {
  const terms = dns.flatMap((dn) => [equalityFilter('member', dn), equalityFilter('uniqueMember', dn)]);
  return terms.length === 1 ? (terms[0] as string) : `(|${terms.join('')})`;
}

/**
 * Normalizes a DN for comparison: lower case, no blanks around the separators. Servers answer in the case the entry
 * was written in, while a group DN typed by an administrator may differ only in case; user_group stores this form.
 */
export function normalizeDn(dn: string): string {
  return dn
    .trim()
    .replace(/\s*([,=+])\s*/g, '$1')
    .toLowerCase();
}

/** Tells whether `dn` is `base` or below it (both normalized first); an empty base contains everything. */
export function isDnUnder(dn: string, base: string): boolean {
  const normalizedBase = normalizeDn(base);
  if (normalizedBase === '') return true;
  const normalized = normalizeDn(dn);
  return normalized === normalizedBase || normalized.endsWith(`,${normalizedBase}`);
}

/** Maps Harbor's scope numbers onto the protocol's scope names. */
export function scopeName(scope: LdapScope): 'base' | 'one' | 'sub' {
  return scope === 0 ? 'base' : scope === 1 ? 'one' : 'sub';
}

/** Reads the values of an attribute whatever case the server spelled its name in. */
export function attributeValues(entry: Entry, attribute: string): string[] {
  const wanted = attribute.toLowerCase();
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn' || name.toLowerCase() !== wanted) continue;
    const values = Array.isArray(value) ? value : [value];
    return values.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
  }
  return [];
}

/** Reads the first value of an attribute, or '' when it is absent. */
export function firstValue(entry: Entry, attribute: string): string {
  return attributeValues(entry, attribute)[0] ?? '';
}

/** What went wrong with LDAP, for the caller's decision: a wrong password is not an outage. */
export type LdapFailureKind = 'bad-credentials' | 'unreachable' | 'rejected';

/** A classified LDAP failure with a message an administrator understands. */
export interface LdapFailure {
  kind: LdapFailureKind;
  message: string;
}

/** Socket error codes meaning the server could not be reached at all. */
const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
};

/** TLS error codes, reported as such so an administrator knows to look at certificates or ldap_verify_cert. */
const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|ERR_TLS_|ERR_SSL_)/;

/** Classifies an error thrown by the LDAP client and says it in plain words, naming the server. */
export function describeLdapFailure(err: unknown, url: string, timeoutSeconds: number): LdapFailure {
  const server = url.replace(/^ldaps?:\/\//i, '').replace(/\/$/, '');
  if (err instanceof InvalidCredentialsError) {
    return { kind: 'bad-credentials', message: 'invalid credentials' };
  }
  if (err instanceof ResultCodeError) {
    return { kind: 'rejected', message: `the LDAP server ${server} refused the request: ${resultText(err)}` };
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && UNREACHABLE_CODES[code]) {
    return { kind: 'unreachable', message: `cannot reach the LDAP server ${server}: ${UNREACHABLE_CODES[code]}` };
  }
  if (code && TLS_CODES.test(code)) {
    return {
      kind: 'unreachable',
      message: `TLS handshake with the LDAP server ${server} failed (${code}); check its certificate or ldap_verify_cert`,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (/timed? ?out|timeout/i.test(message)) {
    return { kind: 'unreachable', message: `the LDAP server ${server} did not answer within ${timeoutSeconds} s` };
  }
  if (/closed|socket/i.test(message)) {
    return { kind: 'unreachable', message: `the LDAP server ${server} closed the connection` };
  }
  return { kind: 'unreachable', message: `LDAP request to ${server} failed: ${message}` };
}

/** The server's diagnostic message when it gave one, otherwise the result code's name. */
function resultText(err: ResultCodeError): string {
  const name = err.name
    .replace(/Error$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return err.message && err.message !== err.name ? `${name} (${err.message})` : name;
}
