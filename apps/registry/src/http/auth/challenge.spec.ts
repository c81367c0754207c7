import { type RegistryTokenClaims } from '@berth/auth';
import { bearerToken, formatBearerChallenge } from './challenge';
import { VerifiedTokenCache } from './token-cache';

const REALM = 'https://berth.example.com/service/token';

describe('formatBearerChallenge', () => {
  it.each([
    [{ realm: REALM, service: 'berth-registry' }, `Bearer realm="${REALM}",service="berth-registry"`],
    [
      { realm: REALM, service: 'berth-registry', scope: 'repository:library/app:pull' },
      `Bearer realm="${REALM}",service="berth-registry",scope="repository:library/app:pull"`,
    ],
    [
      { realm: REALM, service: 'berth-registry', scope: 'repository:library/app:pull,push', error: 'invalid_token' },
      `Bearer realm="${REALM}",service="berth-registry",scope="repository:library/app:pull,push",error="invalid_token"`,
    ],
    [
      { realm: REALM, service: 'berth-registry', scope: 'registry:catalog:*' },
      `Bearer realm="${REALM}",service="berth-registry",scope="registry:catalog:*"`,
    ],
    [
      { realm: 'http://x/"a\\b', service: 'svc\r\nX-Injected: 1' },
      'Bearer realm="http://x/\\"a\\\\b",service="svcX-Injected: 1"',
    ],
  ] as const)('formats %j', (challenge, expected) => {
    expect(formatBearerChallenge(challenge)).toBe(expected);
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['Bearer  abc-_.def ', 'abc-_.def'],
    [undefined, undefined],
    ['', undefined],
    ['Basic YWxpY2U6cHc=', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['Bearer a"b', undefined],
    [`Bearer ${'a'.repeat(70_000)}`, undefined],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('VerifiedTokenCache', () => {
  const claims = (exp: number) => ({ exp }) as RegistryTokenClaims;

  it('returns claims until they expire', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('t', claims(100));
    expect(cache.get('t', 99)?.exp).toBe(100);
    expect(cache.get('t', 101)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used token when full', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', claims(100));
    cache.set('b', claims(100));
    cache.get('a', 0);
    cache.set('c', claims(100));
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBeDefined();
    expect(cache.get('c', 0)).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
