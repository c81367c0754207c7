import {
  MAX_REPOSITORY_NAME_LENGTH,
  isValidRepositoryName,
  isValidTag,
  parseManifestReference,
  parseRepositoryName,
} from './reference';

const hex64 = 'ab'.repeat(32);

describe('repository name grammar', () => {
  it.each([
    'a',
    'library/alpine',
    'library/alpine/sub/path',
    'a0/b1',
    'foo.bar',
    'foo_bar',
    'foo__bar',
    'foo-bar',
    'foo---bar',
    'a.b_c__d-e--f',
    '0',
    '9lives/ok',
    'library/' + 'a'.repeat(MAX_REPOSITORY_NAME_LENGTH - 'library/'.length),
  ])('accepts %j', (name) => {
    expect(isValidRepositoryName(name)).toBe(true);
  });

  it.each([
    '',
    'Library/alpine',
    'library/Alpine',
    '/library',
    'library/',
    'library//alpine',
    '.foo',
    'foo.',
    '_foo',
    'foo_',
    'foo___bar',
    'foo..bar',
    'foo._bar',
    '-foo',
    'foo-',
    'foo bar',
    'foo:bar',
    'foo@bar',
    'library/alpine:latest',
    'library/a\nb',
    'library/' + 'a'.repeat(MAX_REPOSITORY_NAME_LENGTH - 'library/'.length + 1),
  ])('rejects %j', (name) => {
    expect(isValidRepositoryName(name)).toBe(false);
  });

  it.each([
    ['library/alpine', 'library', 'alpine'],
    ['team/a/b/c', 'team', 'a/b/c'],
    ['single', 'single', ''],
  ])('splits %s into project %s and path %s', (name, project, path) => {
    expect(parseRepositoryName(name)).toEqual({ name, project, path });
  });

  it('returns undefined for an invalid name', () => {
    expect(parseRepositoryName('UPPER/case')).toBeUndefined();
  });
});

describe('tag grammar', () => {
  it.each(['latest', 'v1', 'v1.2.3', '1.0-rc_1', '_underscore', 'A', 'a'.repeat(128), 'UPPER.lower-9_x'])(
    'accepts %j',
    (tag) => {
      expect(isValidTag(tag)).toBe(true);
    },
  );

  it.each(['', '.hidden', '-dash', 'a'.repeat(129), 'with space', 'with/slash', 'with:colon', 'plus+', 'é'])(
    'rejects %j',
    (tag) => {
      expect(isValidTag(tag)).toBe(false);
    },
  );
});

describe('parseManifestReference', () => {
  it.each([
    ['latest', { kind: 'tag', tag: 'latest' }],
    [`sha256:${hex64}`, { kind: 'digest', digest: { algorithm: 'sha256', encoded: hex64, value: `sha256:${hex64}` } }],
  ])('parses %s', (input, reference) => {
    expect(parseManifestReference(input)).toEqual({ ok: true, reference });
  });

  it.each([
    ['.bad', 'invalid'],
    ['sha256:short', 'invalid'],
    [`sha384:${hex64}`, 'unsupported-digest'],
    ['a'.repeat(129), 'invalid'],
  ])('rejects %j as %s', (input, error) => {
    expect(parseManifestReference(input)).toEqual({ ok: false, error });
  });
});
