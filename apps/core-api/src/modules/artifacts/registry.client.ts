import { type ResourceAccess } from '@berth/auth';
import { MANIFEST_MEDIA_TYPES } from '@berth/oci';
import { Inject, Injectable } from '@nestjs/common';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { RegistryTokenIssuer } from '../token/registry-token.issuer';

/** The subject of the tokens core-api signs for its own registry calls, as the registry's logs show it. */
export const REGISTRY_CLIENT_SUBJECT = 'berth-core-api';

/** Lifetime of a token for one registry call: a minute covers the call and its retries. */
const CALL_TOKEN_TTL_SECONDS = 60;

/** How long one registry call may take before core-api gives up: manifests are small, mounts move no bytes. */
const CALL_TIMEOUT_MS = 30_000;

/** A manifest as the registry serves it. */
export interface FetchedManifest {
  body: Buffer;
  mediaType: string;
  digest: string;
}

/** A blob larger than the caller agreed to read into memory. */
export class BlobTooLargeError extends Error {
  constructor(
    readonly digest: string,
    readonly limit: number,
  ) {
    super(`blob ${digest} is larger than ${limit} bytes`);
  }
}

/** A registry answer core-api did not expect, with the registry's status and error codes. */
export class RegistryCallError extends Error {
  constructor(
    readonly status: number,
    readonly codes: string[],
    message: string,
  ) {
    super(message);
  }
}

/** The registry could not be reached at all. */
export class RegistryUnreachableError extends Error {}

/**
 * Calls the registry's OCI distribution API for the changes core-api makes to registry content: the registry is the
 * one writer of manifest, tag and blob rows, so deletes, tags and copies go through it like any client's would, each
 * call with a short-lived token granting exactly what it needs.
 */
@Injectable()
export class RegistryClient {
  private readonly base: string;

  constructor(
    @Inject(CORE_API_CONFIG) config: CoreApiConfig,
    private readonly tokens: RegistryTokenIssuer,
  ) {
    this.base = config.BERTH_REGISTRY_INTERNAL_URL.replace(/\/+$/, '');
  }

  /** Fetches a manifest by tag or digest; undefined when the registry does not have it. */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest | undefined> {
    const res = await this.call('GET', `/v2/${repository}/manifests/${reference}`, [pull(repository)], {
      Accept: MANIFEST_MEDIA_TYPES.join(', '),
    });
    if (res.status === 404) return undefined;
    await expectStatus(res, [200], `fetching ${repository}:${reference}`);
    const body = Buffer.from(await res.arrayBuffer());
    return {
      body,
      mediaType: res.headers.get('content-type') ?? '',
      digest: res.headers.get('docker-content-digest') ?? '',
    };
  }

  /**
   * Reads a small blob (an image config) into memory, at most `maxBytes`: refused up front when the registry declares
   * more, cut off while streaming when it sends more. Undefined when the repository has no such blob.
   */
  async getBlob(repository: string, digest: string, maxBytes: number): Promise<Buffer | undefined> {
    const res = await this.call('GET', `/v2/${repository}/blobs/${digest}`, [pull(repository)]);
    if (res.status === 404) return undefined;
    await expectStatus(res, [200], `fetching blob ${repository}@${digest}`);
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new BlobTooLargeError(digest, maxBytes);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        received += chunk.byteLength;
        if (received > maxBytes) throw new BlobTooLargeError(digest, maxBytes);
        chunks.push(Buffer.from(chunk));
      }
    }
    return Buffer.concat(chunks);
  }

  /** Stores a manifest under a tag or its digest. */
  async putManifest(repository: string, reference: string, body: Buffer, mediaType: string): Promise<void> {
    const res = await this.call(
      'PUT',
      `/v2/${repository}/manifests/${reference}`,
      [push(repository)],
      {
        'Content-Type': mediaType,
      },
      body,
    );
    await expectStatus(res, [201], `storing ${repository}:${reference}`);
  }

  /** Deletes a manifest by digest (with its tags), or only a tag; false when there was none. */
  async deleteManifest(repository: string, reference: string): Promise<boolean> {
    const res = await this.call('DELETE', `/v2/${repository}/manifests/${reference}`, [remove(repository)]);
    if (res.status === 404) return false;
    await expectStatus(res, [202], `deleting ${repository}:${reference}`);
    return true;
  }

  /** Links a blob of `from` into `repository` without moving bytes; false when the registry would need an upload. */
  async mountBlob(repository: string, digest: string, from: string): Promise<boolean> {
    const query = new URLSearchParams({ mount: digest, from }).toString();
    const res = await this.call('POST', `/v2/${repository}/blobs/uploads/?${query}`, [push(repository), pull(from)]);
    if (res.status === 201) return true;
    await expectStatus(res, [202], `mounting ${digest} from ${from} into ${repository}`);
    // A 202 opened an upload session instead; cancel it, the caller reports the blob as missing.
    const location = res.headers.get('location');
    if (location) {
      await this.call('DELETE', location.startsWith('http') ? new URL(location).pathname : location, [
        push(repository),
      ]).catch(() => undefined);
    }
    return false;
  }

  private async call(
    method: string,
    path: string,
    access: ResourceAccess[],
    headers: Record<string, string> = {},
    body?: Buffer,
  ): Promise<Response> {
    const token = this.tokens.issue(REGISTRY_CLIENT_SUBJECT, access, CALL_TOKEN_TTL_SECONDS);
    try {
      return await fetch(`${this.base}${path}`, {
        method,
        headers: { ...headers, Authorization: `Bearer ${token}` },
        body,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (err) {
      throw new RegistryUnreachableError(`the registry at ${this.base} could not be reached: ${String(err)}`);
    }
  }
}

const pull = (name: string): ResourceAccess => ({ type: 'repository', name, actions: ['pull'] });
const push = (name: string): ResourceAccess => ({ type: 'repository', name, actions: ['pull', 'push'] });
const remove = (name: string): ResourceAccess => ({ type: 'repository', name, actions: ['delete'] });

/** Throws a RegistryCallError with the registry's error codes unless the status is one of `expected`. */
async function expectStatus(res: Response, expected: number[], what: string): Promise<void> {
  if (expected.includes(res.status)) return;
  const text = await res.text().catch(() => '');
  let codes: string[] = [];
  let detail = text.slice(0, 500);
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string; detail?: unknown }[] };
    codes = (parsed.errors ?? []).map((e) => e.code ?? 'UNKNOWN');
    detail = (parsed.errors ?? [])
      .map((e) => `${e.code}: ${e.message ?? ''} ${JSON.stringify(e.detail ?? '')}`)
      .join('; ');
  } catch {
    // Not an OCI error body: keep the raw text.
  }
  throw new RegistryCallError(res.status, codes, `the registry answered ${res.status} ${what}: ${detail}`);
}
