/*
 * The built registry as a child process, for core-api integration tests that need the real OCI API behind them:
 * built once per call with SWC (fractions of a second when nothing changed), started on a free loopback port against
 * the caller's database and a temp blob root, and stopped with SIGTERM. Its log goes to `registry.log` in the temp dir.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Daemon, startDaemon, waitForSocket } from './daemon';
import { freePort } from './net';
import { type TestOciImage } from './oci-image';

/** The repository root, four levels above libs/server/testing/src. */
const REPOSITORY_ROOT = resolve(__dirname, '../../../..');

/** Where the SWC build puts the registry's entry point. */
const REGISTRY_MAIN = join(REPOSITORY_ROOT, 'dist/apps/registry/apps/registry/src/main.js');

/** How long the registry may take to answer its health check after the spawn. */
const DEFAULT_START_TIMEOUT_MS = 30_000;

/** How to start the registry process. */
export interface RegistryProcessOptions {
  /** The migrated database the registry works on (the same one core-api uses in the test). */
  databaseUrl: string;
  /** More environment, e.g. `{ BERTH_REGISTRY_AUTH: 'token', BERTH_TOKEN_PUBLIC_KEYS: pem }`. */
  env?: Record<string, string>;
  /** Skip the SWC build (the caller built it already). */
  skipBuild?: boolean;
  startTimeoutMs?: number;
}

/** A running registry process. */
export interface RegistryProcess {
  /** `http://127.0.0.1:<port>`, the value for BERTH_REGISTRY_INTERNAL_URL. */
  url: string;
  port: number;
  /** The temp dir holding the blob root and the log. */
  dir: string;
  /** The last lines of the registry's log. */
  logTail(): Promise<string>;
  /** Stops the registry and removes its temp dir; safe to call twice. */
  stop(): Promise<void>;
}

/** Builds the registry with the project's SWC build script. */
export async function buildRegistry(): Promise<void> {
  await promisify(execFile)(process.execPath, ['tools/build/swc-build.mjs', 'apps/registry'], {
    cwd: REPOSITORY_ROOT,
  });
}

/**
 * Builds and starts the registry on a free port with the filesystem driver, no authentication (unless `env` says
 * otherwise) and warn-level logs, and resolves once `GET /health` answers 200.
 */
export async function startRegistryProcess(options: RegistryProcessOptions): Promise<RegistryProcess> {
  if (!options.skipBuild) await buildRegistry();
  const dir = await mkdtemp(join(tmpdir(), 'berth-registry-process-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let daemon: Daemon | undefined;
  try {
    daemon = await startDaemon(process.execPath, [REGISTRY_MAIN], join(dir, 'registry.log'), {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: '4',
      BERTH_DATA_DIR: dir,
      BERTH_STORAGE_DRIVER: 'filesystem',
      BERTH_LISTEN_HOST: '127.0.0.1',
      BERTH_REGISTRY_PORT: String(port),
      BERTH_REGISTRY_AUTH: 'none',
      LOG_LEVEL: 'warn',
      ...options.env,
    });
    await waitForSocket(daemon, 'registry', url, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, () =>
      fetch(`${url}/health`).then(
        (res) => res.ok,
        () => false,
      ),
    );
  } catch (err) {
    await daemon?.terminate();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const running = daemon;
  let stopped = false;
  return {
    url,
    port,
    dir,
    logTail: () => running.logTail(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await running.terminate();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** How a push authenticates: nothing (BERTH_REGISTRY_AUTH=none) or `{ authorization: 'Bearer <token>' }`. */
export interface PushAuth {
  authorization?: string;
}

function authHeader(auth: PushAuth): Record<string, string> {
  return auth.authorization ? { Authorization: auth.authorization } : {};
}

/** Pushes one blob with a monolithic `POST ?digest=` upload; fails on any answer but 201. */
async function pushBlobBytes(
  url: string,
  repository: string,
  digest: string,
  data: Buffer,
  auth: PushAuth,
): Promise<void> {
  const res = await fetch(`${url}/v2/${repository}/blobs/uploads/?digest=${encodeURIComponent(digest)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', ...authHeader(auth) },
    body: data,
  });
  if (res.status !== 201) throw new Error(`pushing blob ${digest} to ${repository}: ${res.status} ${await res.text()}`);
}

/** PUTs a manifest under a reference and fails unless the registry answers 201. */
async function putManifestBytes(
  url: string,
  repository: string,
  reference: string,
  body: Buffer,
  mediaType: string,
  auth: PushAuth,
): Promise<void> {
  const res = await fetch(`${url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'Content-Type': mediaType, ...authHeader(auth) },
    body,
  });
  if (res.status !== 201)
    throw new Error(`pushing manifest ${repository}:${reference}: ${res.status} ${await res.text()}`);
}

/**
 * Pushes an image built by buildOciImage through the OCI API (its config and layers, then its manifest under `tag`)
 * and returns the manifest digest; `auth` carries a push token when the registry requires one.
 */
export async function pushOciImage(
  url: string,
  repository: string,
  image: TestOciImage,
  tag?: string,
  auth: PushAuth = {},
): Promise<string> {
  const blob = (digest: string): Buffer =>
    readFileSync(join(image.dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  for (const descriptor of [image.config, ...image.layers]) {
    await pushBlobBytes(url, repository, descriptor.digest, blob(descriptor.digest), auth);
  }
  const reference = tag ?? image.tag;
  await putManifestBytes(
    url,
    repository,
    reference,
    image.manifest,
    'application/vnd.oci.image.manifest.v1+json',
    auth,
  );
  return image.manifestDigest;
}

/** One entry of a test image index: a pushed image and the platform it is for. */
export interface TestIndexEntry {
  image: TestOciImage;
  platform: { architecture: string; os: string; variant?: string };
}

/** Pushes the images of an OCI image index, then the index under `tag`; returns the index digest. */
export async function pushOciIndex(
  url: string,
  repository: string,
  entries: readonly TestIndexEntry[],
  tag: string,
  auth: PushAuth = {},
): Promise<string> {
  for (const entry of entries) await pushOciImage(url, repository, entry.image, entry.image.manifestDigest, auth);
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: entries.map((entry) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: entry.image.manifestDigest,
        size: entry.image.manifest.length,
        platform: entry.platform,
      })),
    }),
  );
  await putManifestBytes(url, repository, tag, body, 'application/vnd.oci.image.index.v1+json', auth);
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
