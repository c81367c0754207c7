import { InvalidCredentialsError, NoSuchObjectError } from 'ldapts';
import {
  andFilters,
  attributeValues,
  containsFilter,
  describeLdapFailure,
  equalityFilter,
  isAttributeName,
  isDnUnder,
  isValidFilter,
  memberOfAnyFilter,
  normalizeDn,
  scopeName,
  wrapFilter,
} from './ldap-syntax';

describe('LDAP filters', () => {
  it.each([
    ['', true],
    ['(objectClass=person)', true],
    ['objectClass=person', true],
    ['(&(objectClass=person)(!(uid=svc-*)))', true],
    ['(objectClass=person', false],
    ['(&(a=b)', false],
    ['((', false],
  ])('isValidFilter(%j) is %s', (filter, valid) => {
    expect(isValidFilter(filter)).toBe(valid);
  });

  it('wraps a filter written without parentheses', () => {
    expect(wrapFilter(' objectClass=person ')).toBe('(objectClass=person)');
    expect(wrapFilter('(uid=a)')).toBe('(uid=a)');
    expect(wrapFilter('  ')).toBe('');
  });

  it('ANDs non-empty filters, and matches everything with none', () => {
    expect(andFilters('', '(uid=a)')).toBe('(uid=a)');
    expect(andFilters('objectClass=person', '(uid=a)')).toBe('(&(objectClass=person)(uid=a))');
    expect(andFilters('', '')).toBe('(objectClass=*)');
  });

  it.each([
    ['alice', '(uid=alice)'],
    ['*', '(uid=\\2a)'],
    ['a)(uid=*', '(uid=a\\29\\28uid=\\2a)'],
    ['back\\slash', '(uid=back\\5cslash)'],
  ])('escapes user input %j in equality filters', (value, expected) => {
    expect(equalityFilter('uid', value)).toBe(expected);
  });

  it('builds substring filters, escaped, and a presence filter for an empty value', () => {
    expect(containsFilter('uid', 'al*')).toBe('(uid=*al\\2a*)');
    expect(containsFilter('uid', '')).toBe('(uid=*)');
  });

  it('matches member and uniqueMember for each DN, escaping the DN', () => {
    expect(memberOfAnyFilter(['cn=Frank (QA)\\2C Ops,dc=t'])).toBe(
      '(|(member=cn=Frank \\28QA\\29\\5c2C Ops,dc=t)(uniqueMember=cn=Frank \\28QA\\29\\5c2C Ops,dc=t))',
    );
    for (const filter of [memberOfAnyFilter(['cn=a,dc=t', 'cn=b,dc=t'])]) expect(isValidFilter(filter)).toBe(true);
  });
});

describe('DNs', () => {
  it('normalizes case and blanks around separators', () => {
    expect(normalizeDn(' CN=Developers , OU=Groups,DC=Berth ')).toBe('cn=developers,ou=groups,dc=berth');
  });

  it.each([
    ['cn=a,ou=groups,dc=t', 'ou=groups,dc=t', true],
    ['cn=a,OU=Groups,dc=t', 'ou=groups, dc=t', true],
    ['ou=groups,dc=t', 'ou=groups,dc=t', true],
    ['cn=a,ou=people,dc=t', 'ou=groups,dc=t', false],
    ['cn=a,xou=groups,dc=t', 'ou=groups,dc=t', false],
    ['cn=a,dc=t', '', true],
  ])('isDnUnder(%j, %j) is %s', (dn, base, expected) => {
    expect(isDnUnder(dn, base)).toBe(expected);
  });
});

describe('attributes and scopes', () => {
  it.each([
    ['uid', true],
    ['sAMAccountName', true],
    ['x-custom-1', true],
    ['2.5.4.3', true],
    ['1uid', false],
    ['uid;binary', false],
    ['', false],
  ])('isAttributeName(%j) is %s', (name, valid) => {
    expect(isAttributeName(name)).toBe(valid);
  });

  it('reads attribute values whatever case the server used', () => {
    const entry = { dn: 'uid=a', memberOf: ['cn=x', 'cn=y'], mail: 'a@t', jpegPhoto: Buffer.from('hi') };
    expect(attributeValues(entry, 'memberof')).toEqual(['cn=x', 'cn=y']);
    expect(attributeValues(entry, 'MAIL')).toEqual(['a@t']);
    expect(attributeValues(entry, 'jpegphoto')).toEqual(['hi']);
    expect(attributeValues(entry, 'dn')).toEqual([]);
    expect(attributeValues(entry, 'cn')).toEqual([]);
  });

  it("maps Harbor's scope numbers", () => {
    expect([0, 1, 2].map((scope) => scopeName(scope as 0 | 1 | 2))).toEqual(['base', 'one', 'sub']);
  });
});

describe('describeLdapFailure', () => {
  const url = 'ldap://ldap.example.test:389';
  const errno = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

  it.each([
    [new InvalidCredentialsError('x'), 'bad-credentials', 'invalid credentials'],
    [errno('ECONNREFUSED'), 'unreachable', 'cannot reach the LDAP server ldap.example.test:389: connection refused'],
    [errno('ENOTFOUND'), 'unreachable', 'cannot reach the LDAP server ldap.example.test:389: host name not found'],
    [new Error('Connection timeout'), 'unreachable', 'the LDAP server ldap.example.test:389 did not answer within 5 s'],
    [new Error('BindRequest: Operation timed out'), 'unreachable', 'did not answer within 5 s'],
    [errno('DEPTH_ZERO_SELF_SIGNED_CERT'), 'unreachable', 'check its certificate or ldap_verify_cert'],
    [new NoSuchObjectError('x'), 'rejected', 'refused the request: no such object'],
  ])('classifies %s', (err, kind, message) => {
    const failure = describeLdapFailure(err, url, 5);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(message);
  });
});
