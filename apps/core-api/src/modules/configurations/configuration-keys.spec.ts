import { CONFIGURATION_DEFAULTS, CONFIGURATION_KEYS, effectiveConfiguration } from './configuration-keys';

describe('effectiveConfiguration', () => {
  it('is the defaults when nothing is stored', () => {
    expect(effectiveConfiguration(new Map())).toEqual(CONFIGURATION_DEFAULTS);
  });

  it('takes stored values of the right type and range', () => {
    const config = effectiveConfiguration(
      new Map<string, unknown>([
        ['auth_mode', 'ldap_auth'],
        ['ldap_scope', 1],
        ['ldap_timeout', 10],
        ['self_registration', true],
        ['robot_name_prefix', 'bot+'],
      ]),
    );
    expect(config).toMatchObject({
      auth_mode: 'ldap_auth',
      ldap_scope: 1,
      ldap_timeout: 10,
      self_registration: true,
      robot_name_prefix: 'bot+',
    });
  });

  it.each([
    ['auth_mode', 'oidc_auth'],
    ['ldap_scope', 3],
    ['ldap_timeout', 0],
    ['ldap_timeout', 2.5],
    ['ldap_timeout', '5'],
    ['self_registration', 'true'],
    ['ldap_url', 42],
    ['token_expiration', null],
  ])('falls back to the default for a stored %s of %j', (key, value) => {
    const config = effectiveConfiguration(new Map([[key, value]]));
    expect(config[key as keyof typeof config]).toBe(CONFIGURATION_DEFAULTS[key as keyof typeof config]);
  });

  it('ignores keys it does not know, such as the sealed password', () => {
    const config = effectiveConfiguration(new Map([['ldap_search_password', 'v1.x.y.z.w']]));
    expect(Object.keys(config)).toEqual(CONFIGURATION_KEYS);
  });
});
