import { MANIFEST_MEDIA_TYPES, MediaType, baseMediaType, isValidMediaType } from './media-types';

describe('media types', () => {
  it('lists the four manifest media types', () => {
    expect([...MANIFEST_MEDIA_TYPES].sort()).toEqual(
      [MediaType.OciManifest, MediaType.OciIndex, MediaType.DockerManifest, MediaType.DockerManifestList].sort(),
    );
  });

  it.each([
    [MediaType.OciManifest, true],
    ['application/vnd.cncf.helm.config.v1+json', true],
    ['text/plain', true],
    ['application', false],
    ['application/', false],
    ['/json', false],
    ['application/json; charset=utf-8', false],
    ['application/js on', false],
    ['', false],
  ])('isValidMediaType(%j) is %s', (value, expected) => {
    expect(isValidMediaType(value)).toBe(expected);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    [' application/vnd.oci.image.manifest.v1+json ;x=y', MediaType.OciManifest],
  ])('baseMediaType(%j) is %j', (value, expected) => {
    expect(baseMediaType(value)).toBe(expected);
  });
});
