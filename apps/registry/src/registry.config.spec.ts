import { generateTokenKeyPair } from '@berth/auth';
import { parseConfig } from '@berth/config';
import { describeDocumentedConfig } from '@berth/testing';
import { registryConfigSchema } from './registry.config';

describeDocumentedConfig('registry', registryConfigSchema);

describe('registry token auth settings', () => {
  const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' };
  const publicKey = generateTokenKeyPair().publicKeyPem;

  it('requires the public keys with token auth (the default), and reads PEM written on one line', () => {
    expect(() => parseConfig(registryConfigSchema, base)).toThrow(/BERTH_TOKEN_PUBLIC_KEYS is required/);
    const config = parseConfig(registryConfigSchema, {
      ...base,
      BERTH_TOKEN_PUBLIC_KEYS: publicKey.replace(/\n/g, '\\n'),
    });
    expect(config.BERTH_REGISTRY_AUTH).toBe('token');
    expect(config.BERTH_TOKEN_PUBLIC_KEYS).toBe(publicKey);
    expect(config.BERTH_UPLOAD_TOKEN_GRACE_MINUTES).toBe(24 * 60);
  });

  it('refuses a value that is no public key, and runs without keys when auth is none', () => {
    expect(() => parseConfig(registryConfigSchema, { ...base, BERTH_TOKEN_PUBLIC_KEYS: 'nope' })).toThrow(
      /BERTH_TOKEN_PUBLIC_KEYS no PEM public key found/,
    );
    expect(parseConfig(registryConfigSchema, { ...base, BERTH_REGISTRY_AUTH: 'none' }).BERTH_REGISTRY_AUTH).toBe(
      'none',
    );
  });
});
