import { SecretBox, SecretBoxError } from './secret-box';

const KEY_A = 'a'.repeat(32) + '-first-key-for-the-secret-box';
const KEY_B = 'b'.repeat(32) + '-second-key-for-the-secret-box';
const CONTEXT = 'configuration:ldap_search_password';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof SecretBoxError ? err.code : `unexpected ${String(err)}`;
  }
  return undefined;
}

describe('SecretBox', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = new SecretBox([KEY_A]);
    const sealed = box.seal('s3cret pässword', CONTEXT);
    expect(sealed).toMatch(/^v1\.[\w-]{11}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain('s3cret');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(box.open(sealed, CONTEXT)).toBe('s3cret pässword');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox([KEY_A]);
    expect(box.seal('same', CONTEXT)).not.toBe(box.seal('same', CONTEXT));
  });

  it('seals the empty string', () => {
    const box = new SecretBox([KEY_A]);
    expect(box.open(box.seal('', CONTEXT), CONTEXT)).toBe('');
  });

  it('refuses a value sealed for another context', () => {
    const box = new SecretBox([KEY_A]);
    expect(errorCode(() => box.open(box.seal('x', CONTEXT), 'configuration:other'))).toBe('tampered');
  });

  it.each([
    ['ciphertext', 3],
    ['tag', 4],
  ])('refuses a value whose %s was altered', (_, index) => {
    const box = new SecretBox([KEY_A]);
    const parts = box.seal('the secret', CONTEXT).split('.');
    const bytes = Buffer.from(parts[index] ?? '', 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    parts[index] = bytes.toString('base64url');
    expect(errorCode(() => box.open(parts.join('.'), CONTEXT))).toBe('tampered');
  });

  it.each(['', 'plain text', 'v2.a.b.c.d', 'v1.a.b.c', 'v1.x.AAAA.AAAA.AAAA'])(
    'refuses the malformed value %j',
    (v) => {
      const box = new SecretBox([KEY_A]);
      expect(errorCode(() => box.open(v, CONTEXT))).toMatch(/^(malformed|unknown-key)$/);
    },
  );

  it('rotates: a box with a new key in front still opens old values and seals with the new key', () => {
    const old = new SecretBox([KEY_A]);
    const sealedOld = old.seal('before rotation', CONTEXT);
    const rotated = new SecretBox([KEY_B, KEY_A]);
    expect(rotated.open(sealedOld, CONTEXT)).toBe('before rotation');
    const sealedNew = rotated.seal('after rotation', CONTEXT);
    expect(sealedNew.split('.')[1]).not.toBe(sealedOld.split('.')[1]);
    expect(errorCode(() => old.open(sealedNew, CONTEXT))).toBe('unknown-key');
  });

  it('without a key refuses to seal or open, saying which variable to set', () => {
    const box = new SecretBox([]);
    expect(box.hasKey).toBe(false);
    expect(() => box.seal('x', CONTEXT)).toThrow(/BERTH_SECRET_KEY/);
    expect(errorCode(() => box.open('v1.a.b.c.d', CONTEXT))).toBe('no-key');
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => new SecretBox(['short'])).toThrow(/at least 32/);
  });
});
