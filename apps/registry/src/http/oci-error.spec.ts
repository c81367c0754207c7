import { BlobDriverError } from '@berth/storage';
import { OCI_ERRORS, OciError, toOciError } from './oci-error';

describe('OCI error table', () => {
  it.each([
    ['BLOB_UNKNOWN', 404],
    ['BLOB_UPLOAD_INVALID', 400],
    ['BLOB_UPLOAD_UNKNOWN', 404],
    ['DIGEST_INVALID', 400],
    ['MANIFEST_BLOB_UNKNOWN', 400],
    ['MANIFEST_INVALID', 400],
    ['MANIFEST_UNKNOWN', 404],
    ['NAME_INVALID', 400],
    ['NAME_UNKNOWN', 404],
    ['SIZE_INVALID', 400],
    ['UNAUTHORIZED', 401],
    ['DENIED', 403],
    ['UNSUPPORTED', 405],
    ['TOOMANYREQUESTS', 429],
    ['RANGE_INVALID', 416],
  ] as const)('%s answers %d', (code, status) => {
    expect(new OciError(code).status).toBe(status);
    expect(OCI_ERRORS[code].status).toBe(status);
  });

  it('uses only codes made of capitals and underscores, as the spec requires', () => {
    for (const code of Object.keys(OCI_ERRORS)) expect(code).toMatch(/^[A-Z_]+$/);
  });

  it('renders the spec body with code, message and detail', () => {
    expect(new OciError('NAME_UNKNOWN', { name: 'x/y' }).toBody()).toEqual({
      errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: { name: 'x/y' } }],
    });
  });

  it('builds one entry per detail', () => {
    const error = OciError.each('MANIFEST_BLOB_UNKNOWN', [{ digest: 'a' }, { digest: 'b' }]);
    expect(error.status).toBe(400);
    expect(error.toBody().errors.map((e) => [e.code, e.detail])).toEqual([
      ['MANIFEST_BLOB_UNKNOWN', { digest: 'a' }],
      ['MANIFEST_BLOB_UNKNOWN', { digest: 'b' }],
    ]);
  });

  it('lets a status override the table where the spec names another one', () => {
    expect(new OciError('SIZE_INVALID', undefined, { status: 413 }).status).toBe(413);
  });
});

describe('toOciError', () => {
  it.each([
    ['BLOB_NOT_FOUND', 'BLOB_UNKNOWN', 404],
    ['DIGEST_MISMATCH', 'DIGEST_INVALID', 400],
    ['SIZE_MISMATCH', 'SIZE_INVALID', 400],
    ['RANGE_NOT_SATISFIABLE', 'RANGE_INVALID', 416],
    ['INVALID_DIGEST', 'DIGEST_INVALID', 400],
  ] as const)('maps the storage error %s to %s (%d)', (driverCode, code, status) => {
    const error = toOciError(new BlobDriverError(driverCode, 'details'));
    expect(error?.errors[0]).toMatchObject({ code, detail: 'details' });
    expect(error?.status).toBe(status);
  });

  it('passes OciErrors through unchanged', () => {
    const error = new OciError('DENIED');
    expect(toOciError(error)).toBe(error);
  });

  it.each([new Error('connection refused'), 'a string', undefined])('leaves %j to the 500 path', (err) => {
    expect(toOciError(err)).toBeUndefined();
  });
});
