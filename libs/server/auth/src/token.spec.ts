import { createHmac, generateKeyPairSync } from 'node:crypto';
import { generateTokenKeyPair, loadSigningKey, loadVerificationKeys, publicKeyPem, TokenKeyError } from './keys';
import { accessAllows, formatScope, parseScope, parseScopes, ScopeSyntaxError } from './scope';
import { type RegistryTokenClaims, TokenSigner, TokenVerifier } from './token';

const ISSUER = 'berth-token-service';
const AUDIENCE = 'berth-registry';
const OPTIONS = { issuer: ISSUER, audience: AUDIENCE };

function rsaPem(bits: number): string {
  return generateKeyPairSync('rsa', { modulusLength: bits })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
}

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('registry tokens', () => {
  const current = loadSigningKey(generateTokenKeyPair().privateKeyPem);
  const previous = loadSigningKey(rsaPem(2048));
  const signer = new TokenSigner(current, ISSUER);
  const verifier = new TokenVerifier(loadVerificationKeys(publicKeyPem(current) + publicKeyPem(previous)));
  const input = {
    sub: 'alice',
    aud: AUDIENCE,
    access: [{ type: 'repository' as const, name: 'library/app', actions: ['pull', 'push'] }],
    berth: { kind: 'user' as const, id: 7 },
  };

  it('round-trips claims signed with ES256 and carries the key id', () => {
    const { token, claims } = signer.sign(input, 300);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: current.kid });
    expect(verifier.verify(token, OPTIONS)).toEqual(claims);
    expect(claims.exp - claims.iat).toBe(300);
  });

  it('accepts tokens of the previous RS256 key during a rotation', () => {
    const old = new TokenSigner(previous, ISSUER).sign(input, 300).token;
    expect(verifier.verify(old, OPTIONS).sub).toBe('alice');
  });

  it('refuses a token signed by a key it does not know', () => {
    const stranger = new TokenSigner(loadSigningKey(generateTokenKeyPair().privateKeyPem), ISSUER);
    expect(() => verifier.verify(stranger.sign(input, 300).token, OPTIONS)).toThrow(
      expect.objectContaining({ code: 'unknown_key' }),
    );
  });

  it('refuses alg none', () => {
    const { token } = signer.sign(input, 300);
    const [, payload] = token.split('.');
    const forged = `${segment({ alg: 'none', typ: 'JWT', kid: current.kid })}.${payload}.`;
    expect(() => verifier.verify(forged, OPTIONS)).toThrow(expect.objectContaining({ code: 'unsupported_algorithm' }));
    const noneWithSig = `${segment({ alg: 'none', kid: current.kid })}.${payload}.${token.split('.')[2]}`;
    expect(() => verifier.verify(noneWithSig, OPTIONS)).toThrow(
      expect.objectContaining({ code: 'unsupported_algorithm' }),
    );
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', () => {
    const header = segment({ alg: 'HS256', typ: 'JWT', kid: current.kid });
    const payload = segment(signer.sign(input, 300).claims);
    const mac = createHmac('sha256', publicKeyPem(current)).update(`${header}.${payload}`).digest('base64url');
    expect(() => verifier.verify(`${header}.${payload}.${mac}`, OPTIONS)).toThrow(
      expect.objectContaining({ code: 'unsupported_algorithm' }),
    );
  });

  it('refuses a token claiming RS256 for an ES256 key', () => {
    const { token } = signer.sign(input, 300);
    const [, payload, signature] = token.split('.');
    const swapped = `${segment({ alg: 'RS256', typ: 'JWT', kid: current.kid })}.${payload}.${signature}`;
    expect(() => verifier.verify(swapped, OPTIONS)).toThrow(expect.objectContaining({ code: 'unsupported_algorithm' }));
  });

  it('refuses a token whose claims were changed after signing (scope escalation)', () => {
    const { token, claims } = signer.sign(input, 300);
    const [header, , signature] = token.split('.');
    const escalated: RegistryTokenClaims = {
      ...claims,
      access: [{ type: 'repository', name: 'library/app', actions: ['pull', 'push', 'delete'] }],
    };
    expect(() => verifier.verify(`${header}.${segment(escalated)}.${signature}`, OPTIONS)).toThrow(
      expect.objectContaining({ code: 'bad_signature' }),
    );
  });

  it('refuses expired tokens, and accepts them only within a grace period when asked', () => {
    const { token } = signer.sign(input, 60, Date.now() - 10 * 60_000);
    expect(() => verifier.verify(token, OPTIONS)).toThrow(expect.objectContaining({ code: 'expired' }));
    expect(verifier.verify(token, { ...OPTIONS, expiredGraceSeconds: 3600 }).sub).toBe('alice');
    expect(TokenVerifier.isExpired(verifier.verify(token, { ...OPTIONS, expiredGraceSeconds: 3600 }))).toBe(true);
  });

  it('refuses tokens that are not valid yet', () => {
    const { token } = signer.sign(input, 60, Date.now() + 10 * 60_000);
    expect(() => verifier.verify(token, OPTIONS)).toThrow(expect.objectContaining({ code: 'not_yet_valid' }));
  });

  it('refuses the wrong audience and issuer', () => {
    const { token } = signer.sign({ ...input, aud: 'berth-refresh' }, 300);
    expect(() => verifier.verify(token, OPTIONS)).toThrow(expect.objectContaining({ code: 'wrong_audience' }));
    const other = new TokenSigner(current, 'someone-else').sign(input, 300).token;
    expect(() => verifier.verify(other, OPTIONS)).toThrow(expect.objectContaining({ code: 'wrong_issuer' }));
  });

  it.each(['', 'a.b', 'a.b.c.d', '!!!.e30.e30', `${segment({ alg: 'ES256' })}.%%%.abc`, 'x'.repeat(70_000)])(
    'refuses the malformed token %#',
    (token) => {
      expect(() => verifier.verify(token, OPTIONS)).toThrow(expect.objectContaining({ code: expect.any(String) }));
    },
  );

  it('refuses weak or unsupported keys', () => {
    expect(() => loadSigningKey(rsaPem(1024))).toThrow(TokenKeyError);
    const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadSigningKey(ed)).toThrow(TokenKeyError);
    expect(() => loadSigningKey('not a key')).toThrow(TokenKeyError);
    expect(() => loadVerificationKeys('')).toThrow(TokenKeyError);
  });
});

describe('scopes', () => {
  it.each([
    ['repository:library/app:pull,push', { type: 'repository', name: 'library/app', actions: ['pull', 'push'] }],
    ['repository:a/b/c:*', { type: 'repository', name: 'a/b/c', actions: ['*'] }],
    ['registry:catalog:*', { type: 'registry', name: 'catalog', actions: ['*'] }],
    ['repository:x:pull,pull,', { type: 'repository', name: 'x', actions: ['pull'] }],
    ['repository:x:', { type: 'repository', name: 'x', actions: [] }],
  ])('parses %s', (scope, expected) => {
    expect(parseScope(scope)).toEqual(expected);
  });

  it.each(['repository', 'repository:x', 'bogus:x:pull', ':x:pull', 'repository::pull', 'r'.repeat(600)])(
    'refuses %s',
    (scope) => {
      expect(() => parseScope(scope)).toThrow(ScopeSyntaxError);
    },
  );

  it('merges repeated and space-separated scopes for one resource', () => {
    expect(parseScopes(['repository:a:pull', 'repository:a:push repository:b:pull'])).toEqual([
      { type: 'repository', name: 'a', actions: ['pull', 'push'] },
      { type: 'repository', name: 'b', actions: ['pull'] },
    ]);
  });

  it('formats scopes and checks granted actions', () => {
    const access = [{ type: 'repository' as const, name: 'a', actions: ['pull'] }];
    expect(formatScope(access[0]!)).toBe('repository:a:pull');
    expect(accessAllows(access, 'repository', 'a', 'pull')).toBe(true);
    expect(accessAllows(access, 'repository', 'a', 'push')).toBe(false);
    expect(accessAllows(access, 'repository', 'b', 'pull')).toBe(false);
    expect(accessAllows([{ type: 'registry', name: 'catalog', actions: ['*'] }], 'registry', 'catalog', '*')).toBe(
      true,
    );
  });
});
