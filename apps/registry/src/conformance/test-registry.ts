/*
 * An in-process registry on a fresh database and data dir for the conformance and fuzz suites, with the views those
 * suites assert on: a snapshot of everything stored (rows and files), and a check that the registry still serves.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseConfig } from '@berth/config';
import { MediaType } from '@berth/oci';
import { type TestDatabase, createTestDatabase } from '@berth/testing';
import { type RunningRegistry, startRegistry } from '../bootstrap';
import { RegistryHttpServer } from '../http/http-server';
import { registryConfigSchema } from '../registry.config';
import { createTestTokens, TEST_TOKEN_REALM, type TestTokens } from '../testing/registry-harness';

/** The tables the registry writes; a refused request must leave every one of them as it was. */
export const REGISTRY_TABLES = [
  'repository',
  'blob',
  'repository_blob',
  'manifest',
  'manifest_blob',
  'manifest_reference',
  'tag',
  'upload',
] as const;

/** Returns the sha256 digest of some bytes in the `sha256:<hex>` form. */
export const sha256 = (data: Buffer | string): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A pushed image: its repository, blobs and manifest. */
export interface SeededImage {
  name: string;
  tag: string;
  config: { digest: string; bytes: Buffer };
  layer: { digest: string; bytes: Buffer };
  manifest: { digest: string; body: string };
}

/** A running test registry and its backing services. */
export interface TestRegistry {
  base: string;
  port: number;
  sql: Client;
  dataDir: string;
  registry: RunningRegistry;
  /** The HTTP server, for tests that shorten its idle timeout. */
  server: RegistryHttpServer;
  /** Signs tokens the registry accepts (with `auth: true`). */
  tokens: TestTokens;
  /** A fingerprint of every registry row and every file under the data dir. */
  snapshot(): Promise<StoredState>;
  close(): Promise<void>;
}

/** Everything a request could have stored: a hash of each table's rows, and each file with its size. */
export interface StoredState {
  tables: Record<string, string>;
  files: Record<string, number>;
}

async function filesUnder(dir: string): Promise<Record<string, number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, number> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // A refused write's temporary file may be removed between the listing and this stat: it is gone, so skip it.
    const size = await stat(path).then(
      (info) => info.size,
      () => undefined,
    );
    if (size !== undefined) files[path.slice(dir.length)] = size;
  }
  return files;
}

/**
 * Starts a registry on the filesystem driver with its own database (`library` exists, as migrations seed it), without
 * authentication unless `auth` (then `tokens` signs what it accepts).
 */
export async function startTestRegistry(prefix: string, options: { auth?: boolean } = {}): Promise<TestRegistry> {
  const db: TestDatabase = await createTestDatabase(prefix, { migrate: true });
  const dataDir = await mkdtemp(join(tmpdir(), `berth-${prefix}-`));
  const { tokens, publicKeyPem } = createTestTokens();
  const config = parseConfig(registryConfigSchema, {
    DATABASE_URL: db.url,
    BERTH_DATA_DIR: dataDir,
    BERTH_LISTEN_HOST: '127.0.0.1',
    LOG_LEVEL: process.env['BERTH_TEST_LOG_LEVEL'] ?? 'silent',
    // The protocol suites test the distribution API itself (no auth); auth-abuse.int-spec tests the tokens.
    ...(options.auth
      ? { BERTH_REGISTRY_AUTH: 'token', BERTH_TOKEN_PUBLIC_KEYS: publicKeyPem, BERTH_TOKEN_REALM: TEST_TOKEN_REALM }
      : { BERTH_REGISTRY_AUTH: 'none' }),
  });
  const registry = await startRegistry({ ...config, BERTH_REGISTRY_PORT: 0 });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  return {
    base: registry.url,
    port: registry.port,
    sql,
    dataDir,
    registry,
    server: registry.app.get(RegistryHttpServer),
    tokens,
    snapshot: async () => {
      const tables: Record<string, string> = {};
      for (const table of REGISTRY_TABLES) {
        const { rows } = await sql.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`,
        );
        tables[table] = `${rows[0].n}:${rows[0].h}`;
      }
      return { tables, files: await filesUnder(dataDir) };
    },
    close: async () => {
      await sql.end();
      await registry.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Pushes a blob with a monolithic `POST ?digest=` and returns its digest; throws unless the registry answers 201. */
export async function pushBlob(base: string, name: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const res = await fetch(`${base}/v2/${name}/blobs/uploads/?digest=${digest}`, { method: 'POST', body: bytes });
  if (res.status !== 201) throw new Error(`pushing a blob to ${name} answered ${res.status}: ${await res.text()}`);
  return digest;
}

/** Builds the body of an OCI image manifest over one config and one layer. */
export function imageManifest(config: { digest: string; size: number }, layer: { digest: string; size: number }) {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: { mediaType: MediaType.OciConfig, digest: config.digest, size: config.size },
    layers: [{ mediaType: MediaType.OciLayerTarGzip, digest: layer.digest, size: layer.size }],
  });
}

/** Pushes a config, a layer and a manifest tagged `tag` into `name`. */
export async function seedImage(base: string, name: string, tag: string, seed: string): Promise<SeededImage> {
  const configBytes = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed }));
  const layerBytes = Buffer.from(`layer of ${seed} `.repeat(64));
  const config = { digest: await pushBlob(base, name, configBytes), bytes: configBytes };
  const layer = { digest: await pushBlob(base, name, layerBytes), bytes: layerBytes };
  const body = imageManifest(
    { digest: config.digest, size: configBytes.length },
    { digest: layer.digest, size: layerBytes.length },
  );
  const res = await fetch(`${base}/v2/${name}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'Content-Type': MediaType.OciManifest },
    body,
  });
  if (res.status !== 201) throw new Error(`pushing a manifest to ${name} answered ${res.status}: ${await res.text()}`);
  return { name, tag, config, layer, manifest: { digest: sha256(body), body } };
}

/** Tells whether the registry still serves the seeded image: its manifest by tag and its layer, byte for byte. */
export async function stillServes(base: string, image: SeededImage): Promise<boolean> {
  const manifest = await fetch(`${base}/v2/${image.name}/manifests/${image.tag}`, {
    headers: { Accept: MediaType.OciManifest },
  });
  const layer = await fetch(`${base}/v2/${image.name}/blobs/${image.layer.digest}`);
  return (
    manifest.status === 200 &&
    (await manifest.text()) === image.manifest.body &&
    layer.status === 200 &&
    Buffer.from(await layer.arrayBuffer()).equals(image.layer.bytes)
  );
}
