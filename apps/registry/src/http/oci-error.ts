import { BlobDriverError, type BlobDriverErrorCode } from '@berth/storage';

/**
 * The error codes of the distribution spec, plus RANGE_INVALID which CNCF distribution defines for unsatisfiable
 * ranges and which Docker clients understand.
 */
export type OciErrorCode =
  | 'BLOB_UNKNOWN'
  | 'BLOB_UPLOAD_INVALID'
  | 'BLOB_UPLOAD_UNKNOWN'
  | 'DIGEST_INVALID'
  | 'MANIFEST_BLOB_UNKNOWN'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_UNKNOWN'
  | 'NAME_INVALID'
  | 'NAME_UNKNOWN'
  | 'SIZE_INVALID'
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'UNSUPPORTED'
  | 'TOOMANYREQUESTS'
  | 'RANGE_INVALID';

/** The HTTP status and message of each code; a missing code fails to compile. */
export const OCI_ERRORS: Record<OciErrorCode, { status: number; message: string }> = {
  BLOB_UNKNOWN: { status: 404, message: 'blob unknown to registry' },
  BLOB_UPLOAD_INVALID: { status: 400, message: 'blob upload invalid' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: 'blob upload unknown to registry' },
  DIGEST_INVALID: { status: 400, message: 'provided digest did not match uploaded content' },
  MANIFEST_BLOB_UNKNOWN: { status: 400, message: 'manifest references a manifest or blob unknown to registry' },
  MANIFEST_INVALID: { status: 400, message: 'manifest invalid' },
  MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown to registry' },
  NAME_INVALID: { status: 400, message: 'invalid repository name' },
  NAME_UNKNOWN: { status: 404, message: 'repository name not known to registry' },
  SIZE_INVALID: { status: 400, message: 'provided length did not match content length' },
  UNAUTHORIZED: { status: 401, message: 'authentication required' },
  DENIED: { status: 403, message: 'requested access to the resource is denied' },
  UNSUPPORTED: { status: 405, message: 'the operation is unsupported' },
  TOOMANYREQUESTS: { status: 429, message: 'too many requests' },
  RANGE_INVALID: { status: 416, message: 'requested range not satisfiable' },
};

/** One entry of an error response body. */
export interface OciErrorEntry {
  code: OciErrorCode;
  message: string;
  detail?: unknown;
}

/** A protocol error: one or more spec codes answered with the status of the first (or an explicit one). */
export class OciError extends Error {
  readonly errors: OciErrorEntry[];
  readonly status: number;

  constructor(
    code: OciErrorCode,
    detail?: unknown,
    options: { status?: number; headers?: Record<string, string>; more?: OciErrorEntry[] } = {},
  ) {
    super(`${code}: ${OCI_ERRORS[code].message}`);
    this.name = 'OciError';
    this.errors = [{ code, message: OCI_ERRORS[code].message, detail }, ...(options.more ?? [])];
    this.status = options.status ?? OCI_ERRORS[code].status;
    this.headers = options.headers ?? {};
  }

  /** Extra response headers, such as Content-Range on a 416. */
  readonly headers: Record<string, string>;

  /** Builds one error carrying an entry per detail, e.g. one MANIFEST_BLOB_UNKNOWN per missing digest. */
  static each(code: OciErrorCode, details: unknown[]): OciError {
    const [first, ...rest] = details;
    return new OciError(code, first, {
      more: rest.map((detail) => ({ code, message: OCI_ERRORS[code].message, detail })),
    });
  }

  /** Returns the response body the spec prescribes. */
  toBody(): { errors: OciErrorEntry[] } {
    return { errors: this.errors };
  }
}

const DRIVER_ERRORS: Record<BlobDriverErrorCode, OciErrorCode> = {
  BLOB_NOT_FOUND: 'BLOB_UNKNOWN',
  DIGEST_MISMATCH: 'DIGEST_INVALID',
  SIZE_MISMATCH: 'SIZE_INVALID',
  RANGE_NOT_SATISFIABLE: 'RANGE_INVALID',
  INVALID_DIGEST: 'DIGEST_INVALID',
  UPLOAD_OFFSET_MISMATCH: 'RANGE_INVALID',
  INVALID_UPLOAD_ID: 'BLOB_UPLOAD_UNKNOWN',
};

/**
 * Maps any error thrown below a handler onto the protocol: OciErrors pass through, storage errors become their spec
 * code, and anything else is returned as undefined so the caller answers 500 and logs it.
 */
export function toOciError(err: unknown): OciError | undefined {
  if (err instanceof OciError) return err;
  if (err instanceof BlobDriverError) return new OciError(DRIVER_ERRORS[err.code], err.message);
  return undefined;
}
