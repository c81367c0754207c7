import { generateTokenKeyPair } from '@berth/auth';
import { parseConfig } from '@berth/config';
import { generateKeyPairSync } from 'node:crypto';
import { coreApiEnv } from '../../config/core-api.config';

describe('core-api token key settings', () => {
  const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379/0' };
  const pair = generateTokenKeyPair();

  it('runs without a signing key, with the default issuer and service', () => {
    const config = parseConfig(coreApiEnv, base);
    expect(config.BERTH_TOKEN_SIGNING_KEY).toBeUndefined();
    expect(config.BERTH_TOKEN_ISSUER).toBe('berth-token-service');
    expect(config.BERTH_TOKEN_SERVICE).toBe('berth-registry');
  });

  it('reads a signing key written on one line, and extra public keys', () => {
    const config = parseConfig(coreApiEnv, {
      ...base,
      BERTH_TOKEN_SIGNING_KEY: pair.privateKeyPem.replace(/\n/g, '\\n'),
      BERTH_TOKEN_PUBLIC_KEYS: generateTokenKeyPair().publicKeyPem,
    });
    expect(config.BERTH_TOKEN_SIGNING_KEY).toBe(pair.privateKeyPem);
  });

  it.each([
    ['garbage', 'not a key', /BERTH_TOKEN_SIGNING_KEY not a PEM private key/],
    ['a public key', pair.publicKeyPem, /BERTH_TOKEN_SIGNING_KEY not a PEM private key/],
    [
      'a 1024-bit RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
      /at least 2048 bits/,
    ],
  ])('refuses %s as the signing key at boot', (_label, value, message) => {
    expect(() => parseConfig(coreApiEnv, { ...base, BERTH_TOKEN_SIGNING_KEY: value })).toThrow(message);
  });
});
