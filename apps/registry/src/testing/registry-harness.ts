/*
 * The in-process registry the conformance suites talk to over HTTP (real Postgres, filesystem driver), and the small
 * client steps they share: push a blob, push a manifest, read an error body, build image and artifact manifests.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  DEFAULT_TOKEN_ISSUER,
  DEFAULT_TOKEN_SERVICE,
  generateTokenKeyPair,
  loadSigningKey,
  type ResourceAccess,
  type SigningKey,
  type TokenClaimsInput,
  TokenSigner,
} from '@berth/auth';
import { parseConfig } from '@berth/config';
import { type Descriptor, MediaType } from '@berth/oci';
import { type TestDatabase, createTestDatabase } from '@berth/testing';
import { type RunningRegistry, startRegistry } from '../bootstrap';
import { type RegistryConfig, registryConfigSchema } from '../registry.config';

/** The bytes of the OCI empty descriptor's blob (image-spec "Guidance for an Empty Descriptor"). */
export const EMPTY_JSON = Buffer.from('{}');

/** A running registry on its own database and data dir. */
export interface RegistryHarness {
  /** The registry's base URL, e.g. http://127.0.0.1:40123. */
  base: string;
  /** Every replica's base URL (the first is `base`): replicas share the database and the blob root. */
  bases: string[];
  /** A connection to the registry's database, for assertions on what was stored. */
  sql: Client;
  /** Where the filesystem driver keeps blobs. */
  blobRoot: string;
  /** The replicas' configuration, to start another instance on the same database and storage. */
  config: RegistryConfig;
  /** Signs tokens the registry accepts (with `auth: true`; throws otherwise). */
  tokens: TestTokens;
  close(): Promise<void>;
}

/** Where the test registry sends clients for tokens (nothing listens there: tests sign their own). */
export const TEST_TOKEN_REALM = 'http://127.0.0.1:9/service/token';

/** Signs registry tokens as core-api would, with the key whose public half the test registry trusts. */
export interface TestTokens {
  /** The signing key the registry trusts, for forging variations of real tokens. */
  key: SigningKey;
  /** The signer, for tokens with unusual claims or times. */
  signer: TokenSigner;
  /** Signs a token for `sub` (anonymous when empty) granting `access`, valid `ttlSeconds` from `now`. */
  issue(sub: string, access: ResourceAccess[], options?: Partial<TokenClaimsInput> & TokenTimes): string;
  /** Returns `Authorization: Bearer` headers for such a token. */
  auth(
    sub: string,
    access: ResourceAccess[],
    options?: Partial<TokenClaimsInput> & TokenTimes,
  ): { Authorization: string };
}

/** When a test token is issued and for how long. */
export interface TokenTimes {
  ttlSeconds?: number;
  now?: number;
}

/** Options of the harness: replicas, and whether the registry enforces tokens (off: the protocol suites). */
export interface RegistryHarnessOptions {
  replicas?: number;
  auth?: boolean;
}

/** Makes a fresh ES256 key pair and a TestTokens over it, plus the PEM public key to configure the registry with. */
export function createTestTokens(): { tokens: TestTokens; publicKeyPem: string } {
  const pair = generateTokenKeyPair();
  const key = loadSigningKey(pair.privateKeyPem);
  const signer = new TokenSigner(key, DEFAULT_TOKEN_ISSUER);
  const issue: TestTokens['issue'] = (sub, access, options = {}) =>
    signer.sign(
      {
        sub,
        aud: options.aud ?? DEFAULT_TOKEN_SERVICE,
        access,
        berth: options.berth ?? { kind: sub === '' ? 'anonymous' : 'user' },
      },
      options.ttlSeconds ?? 300,
      options.now,
    ).token;
  return {
    publicKeyPem: pair.publicKeyPem,
    tokens: {
      key,
      signer,
      issue,
      auth: (sub, access, options) => ({ Authorization: `Bearer ${issue(sub, access, options)}` }),
    },
  };
}

/** A token grant of every action on the named repositories, for tests that are about something else. */
export function allActions(...names: string[]): ResourceAccess[] {
  return names.map((name) => ({ type: 'repository', name, actions: ['pull', 'push', 'delete'] }));
}

/**
 * Starts a registry (or several replicas of it) on a fresh migrated database (which has the `library` project) and a
 * temporary data dir; without `auth` it runs with BERTH_REGISTRY_AUTH=none, as the protocol suites need.
 */
export async function startRegistryHarness(
  prefix: string,
  replicaCountOrOptions: number | RegistryHarnessOptions = 1,
): Promise<RegistryHarness> {
  const options =
    typeof replicaCountOrOptions === 'number' ? { replicas: replicaCountOrOptions } : replicaCountOrOptions;
  const replicaCount = options.replicas ?? 1;
  const db: TestDatabase = await createTestDatabase(prefix, { migrate: true });
  const dataDir = await mkdtemp(join(tmpdir(), `berth-${prefix}-`));
  const blobRoot = join(dataDir, 'blobs');
  const { tokens, publicKeyPem } = createTestTokens();
  const config = parseConfig(registryConfigSchema, {
    DATABASE_URL: db.url,
    BERTH_DATA_DIR: dataDir,
    BERTH_STORAGE_FS_ROOT: blobRoot,
    BERTH_LISTEN_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...(options.auth
      ? { BERTH_REGISTRY_AUTH: 'token', BERTH_TOKEN_PUBLIC_KEYS: publicKeyPem, BERTH_TOKEN_REALM: TEST_TOKEN_REALM }
      : { BERTH_REGISTRY_AUTH: 'none' }),
  });
  const replicas: RunningRegistry[] = [];
  for (let i = 0; i < replicaCount; i++) replicas.push(await startRegistry({ ...config, BERTH_REGISTRY_PORT: 0 }));
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  return {
    base: replicas[0]!.url,
    bases: replicas.map((replica) => replica.url),
    config,
    sql,
    blobRoot,
    tokens,
    close: async () => {
      await sql.end();
      for (const replica of replicas) await replica.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Returns the `algorithm:hex` digest of some bytes. */
export function digestOf(data: Buffer | string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** Returns the codes of an OCI error body. */
export async function errorCodes(res: Response): Promise<string[]> {
  const body = (await res.json()) as { errors: { code: string }[] };
  return body.errors.map((e) => e.code);
}

/** Returns the entries of an OCI error body. */
export async function errorEntries(res: Response): Promise<{ code: string; message: string; detail?: unknown }[]> {
  return ((await res.json()) as { errors: { code: string; message: string; detail?: unknown }[] }).errors;
}

/** Pushes a blob with a single `POST ?digest=` and returns its descriptor; fails the test unless it answers 201. */
export async function pushBlob(
  base: string,
  name: string,
  data: Buffer,
  mediaType: string = MediaType.OciLayerTarGzip,
  algorithm: 'sha256' | 'sha512' = 'sha256',
): Promise<Descriptor> {
  const digest = digestOf(data, algorithm);
  const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: data });
  if (res.status !== 201) throw new Error(`blob push to ${name} answered ${res.status}: ${await res.text()}`);
  return { mediaType, digest, size: data.length };
}

/** PUTs a manifest body under a tag or digest with the given Content-Type. */
export function putManifest(
  base: string,
  name: string,
  reference: string,
  body: string | Buffer,
  contentType: string,
): Promise<Response> {
  return fetch(`${base}/v2/${name}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'Content-Type': contentType },
    body,
  });
}

/** A manifest as pushed: its body, digest, size and the descriptor an index or subject uses for it. */
export interface PushedManifest {
  body: string;
  digest: string;
  descriptor: Descriptor;
}

/** PUTs a manifest object (serialised once, so the digest is of the exact bytes) and fails unless it answers 201. */
export async function pushManifest(
  base: string,
  name: string,
  reference: string | undefined,
  manifest: { mediaType: string } & Record<string, unknown>,
): Promise<PushedManifest> {
  const body = JSON.stringify(manifest);
  const digest = digestOf(body);
  const res = await putManifest(base, name, reference ?? digest, body, manifest.mediaType);
  if (res.status !== 201) throw new Error(`manifest push to ${name} answered ${res.status}: ${await res.text()}`);
  return { body, digest, descriptor: { mediaType: manifest.mediaType, digest, size: Buffer.byteLength(body) } };
}

/** Pushes a config and one layer made from `seed` and returns an OCI image manifest over them (not yet pushed). */
export async function imageManifest(
  base: string,
  name: string,
  seed: string,
): Promise<{ mediaType: string } & Record<string, unknown>> {
  const config = await pushBlob(
    base,
    name,
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed })),
    MediaType.OciConfig,
  );
  const layer = await pushBlob(base, name, Buffer.from(`layer ${seed} `.repeat(32)));
  return { schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] };
}

/** Pushes an image (config, layer, manifest) under `reference` (its digest when undefined). */
export async function pushImage(
  base: string,
  name: string,
  reference: string | undefined,
  seed: string,
): Promise<PushedManifest> {
  return pushManifest(base, name, reference, await imageManifest(base, name, seed));
}

/**
 * Pushes an OCI 1.1 artifact referring to `subject`: the empty config, one layer from `seed`, the given
 * `artifactType` and annotations. Pushed by digest, as referrers usually are.
 */
export async function pushArtifact(
  base: string,
  name: string,
  subject: Descriptor,
  artifactType: string,
  seed: string,
  annotations: Record<string, string> = {},
): Promise<PushedManifest> {
  const config = await pushBlob(base, name, EMPTY_JSON, MediaType.OciEmpty);
  const layer = await pushBlob(base, name, Buffer.from(`artifact ${seed}`), 'application/vnd.example.payload');
  return pushManifest(base, name, undefined, {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType,
    config,
    layers: [layer],
    subject,
    annotations,
  });
}
