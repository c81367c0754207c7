import { isDigest, parseDigest } from './digest';

const hex64 = '0123456789abcdef'.repeat(4);
const hex128 = hex64.repeat(2);

describe('parseDigest', () => {
  it.each([
    [`sha256:${hex64}`, 'sha256', hex64],
    [`sha512:${hex128}`, 'sha512', hex128],
  ])('accepts %s', (input, algorithm, encoded) => {
    expect(parseDigest(input)).toEqual({ ok: true, digest: { algorithm, encoded, value: input } });
  });

  it.each([
    ['', 'invalid'],
    ['sha256', 'invalid'],
    ['sha256:', 'invalid'],
    [':' + hex64, 'invalid'],
    [`sha256:${hex64.toUpperCase()}`, 'invalid'],
    [`sha256:${hex64.slice(1)}`, 'invalid'],
    [`sha256:${hex64}0`, 'invalid'],
    [`sha256:${hex64.slice(1)}g`, 'invalid'],
    [`sha512:${hex64}`, 'invalid'],
    [`SHA256:${hex64}`, 'invalid'],
    [`sha256:${hex64} `, 'invalid'],
    [`sha256::${hex64}`, 'invalid'],
    [`sha256+:${hex64}`, 'invalid'],
    [`sha384:${hex64}`, 'unsupported'],
    [`md5:d41d8cd98f00b204e9800998ecf8427e`, 'unsupported'],
    [`multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8`, 'unsupported'],
    [`sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564`, 'unsupported'],
    [`__proto__:${hex64}`, 'invalid'],
    [`constructor:${hex64}`, 'unsupported'],
  ])('rejects %j as %s', (input, error) => {
    expect(parseDigest(input)).toEqual({ ok: false, error });
    expect(isDigest(input)).toBe(false);
  });
});
