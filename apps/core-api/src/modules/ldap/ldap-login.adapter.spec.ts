import { type LdapSettings } from '../configurations/ldap-settings';
import { LdapLoginAdapter, loginFilter, loginStrategyOptions } from './ldap-login.adapter';
import { type LdapException } from './ldap.exception';

function settings(changes: Partial<LdapSettings> = {}): LdapSettings {
  return {
    url: 'ldaps://ldap.example.com',
    searchDn: 'cn=berth,ou=services,dc=example,dc=com',
    searchPassword: 'service-secret',
    baseDn: 'ou=people,dc=example,dc=com',
    filter: '(objectClass=inetOrgPerson)',
    uidAttribute: 'uid',
    scope: 1,
    timeoutSeconds: 3,
    verifyCert: true,
    groupBaseDn: '',
    groupSearchFilter: '',
    groupNameAttribute: 'cn',
    groupMembershipAttribute: 'memberOf',
    groupAdminDn: '',
    groupSearchScope: 2,
    nestedGroupsDepth: 0,
    groupCacheTtlSeconds: 0,
    ...changes,
  };
}

describe('loginFilter', () => {
  it.each([
    ['alice', '(&(objectClass=inetOrgPerson)(uid=alice))'],
    ['*', '(&(objectClass=inetOrgPerson)(uid=\\2a))'],
    ['a(b)', '(&(objectClass=inetOrgPerson)(uid=a\\28b\\29))'],
    ['back\\slash', '(&(objectClass=inetOrgPerson)(uid=back\\5cslash))'],
    ['{{username}}', '(&(objectClass=inetOrgPerson)(uid=\\7b\\7busername\\7d\\7d))'],
    ['dept/alice', '(&(objectClass=inetOrgPerson)(uid=dept/alice))'],
  ])('escapes %j per RFC 4515, leaving no placeholder for ldapauth-fork', (username, filter) => {
    expect(loginFilter(settings(), username)).toBe(filter);
  });

  it('uses the name alone without ldap_filter, and wraps a filter written without parentheses', () => {
    expect(loginFilter(settings({ filter: '' }), 'alice')).toBe('(uid=alice)');
    expect(loginFilter(settings({ filter: 'objectClass=person', uidAttribute: 'sAMAccountName' }), 'bob')).toBe(
      '(&(objectClass=person)(sAMAccountName=bob))',
    );
  });
});

describe('loginStrategyOptions', () => {
  it('maps the stored settings onto the strategy and its ldapauth-fork server', () => {
    const options = loginStrategyOptions(settings(), 'alice', ['uid', 'mail', 'memberOf']);
    expect(options).toEqual({
      server: {
        url: 'ldaps://ldap.example.com',
        bindDN: 'cn=berth,ou=services,dc=example,dc=com',
        bindCredentials: 'service-secret',
        searchBase: 'ou=people,dc=example,dc=com',
        searchFilter: '(&(objectClass=inetOrgPerson)(uid=alice))',
        searchScope: 'one',
        searchAttributes: ['uid', 'mail', 'memberOf'],
        timeout: 3_000,
        connectTimeout: 3_000,
        strictDN: false,
        tlsOptions: { rejectUnauthorized: true },
      },
      passReqToCallback: false,
      handleErrorsAsFailures: false,
    });
  });

  it('follows ldap_verify_cert for ldaps:// and gives ldap:// no TLS options', () => {
    expect(loginStrategyOptions(settings({ verifyCert: false }), 'a', []).server.tlsOptions).toEqual({
      rejectUnauthorized: false,
    });
    expect(loginStrategyOptions(settings({ url: 'ldap://ldap.example.com' }), 'a', []).server).not.toHaveProperty(
      'tlsOptions',
    );
  });

  it('searches anonymously without ldap_search_dn', () => {
    const { server } = loginStrategyOptions(settings({ searchDn: '', searchPassword: '' }), 'a', []);
    expect(server).not.toHaveProperty('bindDN');
    expect(server).not.toHaveProperty('bindCredentials');
  });

  it('hands ldapauth-fork its own copy of the attribute list, which it appends to', () => {
    const attributes = ['uid'];
    expect(loginStrategyOptions(settings(), 'a', attributes).server.searchAttributes).not.toBe(attributes);
  });
});

describe('LdapLoginAdapter refusals before any I/O', () => {
  const adapter = new LdapLoginAdapter();
  const request = { username: 'alice', password: 'secret', attributes: ['uid'], deadlineAt: Date.now() + 60_000 };
  // Port 1 on the loopback: a test that reached the network would fail with UNREACHABLE instead.
  const offline = (changes: Partial<LdapSettings>) => settings({ url: 'ldap://127.0.0.1:1', ...changes });

  async function refusal(promise: Promise<unknown>): Promise<Pick<LdapException, 'code' | 'message'>> {
    const err = (await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    )) as LdapException;
    return { code: err.code, message: err.message };
  }

  it.each([
    ['an empty password', { ...request, password: '' }],
    ['an empty name', { ...request, username: '' }],
  ])('refuses %s as BAD_CREDENTIALS', async (_, login) => {
    expect(await refusal(adapter.login(offline({}), login))).toEqual({
      code: 'BAD_CREDENTIALS',
      message: 'invalid username or password',
    });
  });

  it('refuses a search DN without a password, which would bind anonymously', async () => {
    expect(await refusal(adapter.login(offline({ searchPassword: '' }), request))).toEqual({
      code: 'REJECTED',
      message: 'ldap_search_dn is set but ldap_search_password is empty',
    });
  });

  it('refuses a filter the LDAP client cannot parse instead of letting it throw mid-conversation', async () => {
    expect(await refusal(adapter.login(offline({ filter: '(&(a=b)' }), request))).toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('ldap_filter is not a valid LDAP filter'),
    });
  });
});
