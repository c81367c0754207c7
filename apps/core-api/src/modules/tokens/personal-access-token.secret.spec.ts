import {
  generatePersonalAccessToken,
  hashPersonalAccessTokenSecret,
  looksLikePersonalAccessToken,
  parsePersonalAccessToken,
  personalAccessTokenSecretMatches,
} from './personal-access-token.secret';

describe('personal access token secrets', () => {
  it('generates distinct tokens whose prefix and secret parse back and match the stored hash', () => {
    const a = generatePersonalAccessToken();
    const b = generatePersonalAccessToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^berth_pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const parts = parsePersonalAccessToken(a.token);
    expect(parts?.tokenPrefix).toBe(a.tokenPrefix);
    expect(a.tokenPrefix).toHaveLength(26);
    expect(personalAccessTokenSecretMatches(parts!.secret, a.secretHash)).toBe(true);
    expect(personalAccessTokenSecretMatches(parts!.secret, b.secretHash)).toBe(false);
    expect(a.secretHash).toBe(hashPersonalAccessTokenSecret(parts!.secret));
  });

  it.each([
    ['', false],
    ['Passw0rd', false],
    ['berth_pat_', true],
    ['berth_pat_0123456789abcdef_x', true],
  ])('tells %j apart as a token: %s', (value, expected) => {
    expect(looksLikePersonalAccessToken(value)).toBe(expected);
  });

  it.each([
    'berth_pat_0123456789abcdef',
    'berth_pat_0123456789ABCDEF_' + 'a'.repeat(43),
    'berth_pat_0123456789abcdef_' + 'a'.repeat(42),
    'berth_pat_0123456789abcdef_' + 'a'.repeat(44),
    'berth_pat_0123456789abcdef_' + 'a'.repeat(42) + '=',
    'xberth_pat_0123456789abcdef_' + 'a'.repeat(43),
  ])('refuses the malformed token %j', (value) => {
    expect(parsePersonalAccessToken(value)).toBeNull();
  });

  it('does not match a hash of the wrong length or a malformed one', () => {
    expect(personalAccessTokenSecretMatches('secret', 'abcd')).toBe(false);
    expect(personalAccessTokenSecretMatches('secret', 'not hex at all')).toBe(false);
  });
});
