import { parseCopySource } from './copy-source';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseCopySource', () => {
  it.each([
    ['library/alpine:3.20', { projectName: 'library', repository: 'library/alpine', reference: '3.20' }],
    [`library/alpine@${DIGEST}`, { projectName: 'library', repository: 'library/alpine', reference: DIGEST }],
    ['team/a/b/c:v1', { projectName: 'team', repository: 'team/a/b/c', reference: 'v1' }],
  ])('reads %s', (from, expected) => {
    expect(parseCopySource(from)).toEqual(expected);
  });

  it.each([
    undefined,
    '',
    'alpine:3.20',
    'library/alpine',
    'library/alpine@v1',
    'library/alpine@sha256:short',
    'library/Alpine:1',
    'library/alpine:-bad',
    '/alpine:1',
    'library/alpine:',
  ])('refuses %j with 400', (from) => {
    expect(() => parseCopySource(from)).toThrow(
      expect.objectContaining({ code: 'INVALID_SOURCE', status: 400 }) as unknown as Error,
    );
  });
});
