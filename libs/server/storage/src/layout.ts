/*
 * The storage layout, shared by every driver (paths on the filesystem, object keys on S3):
 *
 *   blobs/<algorithm>/<first 2 hex>/<hex>   a complete blob, named by its digest (sha256 or sha512), e.g.
 *                                           blobs/sha256/ab/ab12…ef for sha256:ab12…ef
 *   _uploads/<uuid>                         (filesystem only) a write in progress; renamed into blobs/ once its size
 *                                           and digest check out, never read by stat/get/list
 *   _uploads/<upload id>/data               (filesystem) an upload session's bytes, written at the offset each append
 *                                           names; renamed into blobs/ by commitUpload once its digest checks out
 *   uploads/<upload id>/<offset, 20 digits> (S3) one object per append, holding the bytes from that offset; the
 *                                           session's bytes are the chain of objects from offset 0, each starting
 *                                           where the previous one ends. commitUpload streams them in order into a
 *                                           multipart upload to the blob's key, completed only if the digest matches
 *
 * On S3 a write in progress is an incomplete multipart upload to the blob's final key, which no reader sees either.
 * The two hex characters of fan-out keep directories (and S3 listing pages) small.
 */
import { BlobDriverError } from './blob-driver';

/** The digest algorithms a blob may be stored under, with the length of their lowercase hex encoding. */
export const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 } as const;

/** A digest algorithm the drivers accept. */
export type DigestAlgorithm = keyof typeof DIGEST_HEX_LENGTH;

/** A digest split into algorithm and hex. */
export interface ParsedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
}

/** Prefix (directory or key prefix) under which complete blobs live. */
export const BLOBS_PREFIX = 'blobs';

/** Directory of in-progress filesystem writes. */
export const UPLOADS_DIR = '_uploads';

/** Name (filesystem) of the file holding an upload session's bytes, in `_uploads/<upload id>/`. */
export const UPLOAD_DATA_FILE = 'data';

/** Key prefix (S3) under which upload sessions keep their appended chunks. */
export const UPLOADS_PREFIX = 'uploads';

/** Digits of a chunk key's offset: 20 holds any 64-bit offset, so keys sort in offset order. */
export const UPLOAD_OFFSET_DIGITS = 20;

/** Upload ids are opaque tokens chosen by the registry; this keeps them safe as one path segment or key component. */
const UPLOAD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const DIGEST_PATTERN = /^(sha256|sha512):([0-9a-f]+)$/;
const FAN_OUT_CHARS = 2;

/** Parses a digest string, throwing INVALID_DIGEST for anything but `sha256:<64 hex>` or `sha512:<128 hex>`. */
export function parseDigest(digest: string): ParsedDigest {
  const match = DIGEST_PATTERN.exec(digest);
  const algorithm = match?.[1] as DigestAlgorithm | undefined;
  const hex = match?.[2];
  if (!algorithm || !hex || hex.length !== DIGEST_HEX_LENGTH[algorithm]) {
    throw new BlobDriverError('INVALID_DIGEST', `invalid digest ${JSON.stringify(digest.slice(0, 200))}`);
  }
  return { algorithm, hex };
}

/** Returns the blob's path relative to the storage root, with `/` separators (also its S3 key). */
export function blobPath(digest: string): string {
  const { algorithm, hex } = parseDigest(digest);
  return `${BLOBS_PREFIX}/${algorithm}/${hex.slice(0, FAN_OUT_CHARS)}/${hex}`;
}

/** Returns the digest a relative blob path names, or undefined for any path that is not a well-formed blob path. */
export function digestFromBlobPath(path: string): string | undefined {
  const [prefix, algorithm, fanOut, hex, ...rest] = path.split('/');
  if (prefix !== BLOBS_PREFIX || rest.length > 0 || !hex || fanOut !== hex.slice(0, FAN_OUT_CHARS)) return undefined;
  const digest = `${algorithm}:${hex}`;
  try {
    parseDigest(digest);
    return digest;
  } catch {
    return undefined;
  }
}

/** Throws INVALID_UPLOAD_ID unless the id is a plain token (letters, digits, `-`, `_`; at most 128 characters). */
export function checkUploadId(uploadId: string): void {
  if (!UPLOAD_ID_PATTERN.test(uploadId)) {
    throw new BlobDriverError('INVALID_UPLOAD_ID', `invalid upload id ${JSON.stringify(uploadId.slice(0, 200))}`);
  }
}

/** Returns the S3 key of the chunk an upload session stored at `offset`. */
export function uploadChunkKey(uploadId: string, offset: number): string {
  checkUploadId(uploadId);
  return `${UPLOADS_PREFIX}/${uploadId}/${String(offset).padStart(UPLOAD_OFFSET_DIGITS, '0')}`;
}

/** Parses an S3 chunk key back into session and offset, or returns undefined for any other key. */
export function parseUploadChunkKey(key: string): { uploadId: string; offset: number } | undefined {
  const [prefix, uploadId, offset, ...rest] = key.split('/');
  if (prefix !== UPLOADS_PREFIX || rest.length > 0 || !uploadId || !UPLOAD_ID_PATTERN.test(uploadId)) return undefined;
  if (!offset || offset.length !== UPLOAD_OFFSET_DIGITS || !/^\d+$/.test(offset)) return undefined;
  return { uploadId, offset: Number(offset) };
}
