import { MediaType } from './media-types';
import { accepts, parseAccept } from './negotiation';

const DOCKER_CLIENT_ACCEPT = [
  MediaType.DockerManifest,
  MediaType.DockerManifestList,
  MediaType.OciManifest,
  MediaType.OciIndex,
].join(', ');

describe('parseAccept', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['application/json', [{ range: 'application/json', q: 1 }]],
    [
      'Application/VND.OCI.image.manifest.v1+json; q=0.5, */*;q=0',
      [
        { range: MediaType.OciManifest, q: 0.5 },
        { range: '*/*', q: 0 },
      ],
    ],
    [
      'text/plain;q=2, text/html;q=abc',
      [
        { range: 'text/plain', q: 1 },
        { range: 'text/html', q: 1 },
      ],
    ],
    ['garbage, /json, application/, a/b/c', []],
    [
      ['a/b', 'c/d;q=0.1'],
      [
        { range: 'a/b', q: 1 },
        { range: 'c/d', q: 0.1 },
      ],
    ],
  ])('parses %j', (header, expected) => {
    expect(parseAccept(header)).toEqual(expected);
  });
});

describe('accepts', () => {
  it.each([
    ['no Accept header', undefined, MediaType.OciIndex, true],
    ['an empty Accept header', '', MediaType.OciIndex, true],
    ["docker's Accept, an OCI index", DOCKER_CLIENT_ACCEPT, MediaType.OciIndex, true],
    ["docker's Accept, a Docker manifest list", DOCKER_CLIENT_ACCEPT, MediaType.DockerManifestList, true],
    ['only OCI manifests, an OCI index', MediaType.OciManifest, MediaType.OciIndex, false],
    ['only Docker schema 2, an OCI manifest', MediaType.DockerManifest, MediaType.OciManifest, false],
    [
      'only OCI types, a Docker manifest',
      `${MediaType.OciManifest}, ${MediaType.OciIndex}`,
      MediaType.DockerManifest,
      false,
    ],
    ['a parameter on the exact type', `${MediaType.OciIndex}; charset=utf-8`, MediaType.OciIndex, true],
    ['a different case', MediaType.OciIndex.toUpperCase(), MediaType.OciIndex, true],
    ['*/*', '*/*', MediaType.OciManifest, true],
    ['application/*', 'application/*', MediaType.DockerManifest, true],
    ['text/*', 'text/*', MediaType.DockerManifest, false],
    ['the exact type refused under */*', `*/*, ${MediaType.OciIndex};q=0`, MediaType.OciIndex, false],
    ['the exact type refused, another type under */*', `*/*, ${MediaType.OciIndex};q=0`, MediaType.OciManifest, true],
    [
      'application/* refused, the exact type taken',
      `application/*;q=0, ${MediaType.OciIndex}`,
      MediaType.OciIndex,
      true,
    ],
    [
      'the exact type listed twice, once refused',
      `${MediaType.OciIndex};q=0, ${MediaType.OciIndex}`,
      MediaType.OciIndex,
      true,
    ],
    ['only q=0', `${MediaType.OciManifest};q=0`, MediaType.OciManifest, false],
    ['application/json only', 'application/json', MediaType.OciManifest, false],
  ])('%s: %s → %s is %s', (_case, header, mediaType, expected) => {
    expect(accepts(header, mediaType)).toBe(expected);
  });
});
