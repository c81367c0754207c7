/*
 * What the real-client suites share: one registry process per suite (filesystem driver, fresh database), plain HTTP
 * probes that report what the registry answers, and offline OCI layouts beyond buildOciImage's single image (a
 * multi-platform index and an artifact).
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type TestDatabase, type TestDescriptor, createTestDatabase } from '@berth/testing';
import { type RegistryProcess, buildRegistry, startRegistryProcess } from '../registry-process';

const CLI_MAX_BUFFER = 64 * 1024 * 1024;
const HTTP_CLIENT_ERROR = 400;

/** Every manifest media type a client may ask for, so the registry never has to refuse the stored one. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** The OCI empty descriptor's content: the two bytes `{}` (image-spec, "Guidance for an Empty Descriptor"). */
export const EMPTY_JSON = Buffer.from('{}');
/** Media type of the empty config an artifact without a config of its own points at. */
export const EMPTY_MEDIA_TYPE = 'application/vnd.oci.empty.v1+json';

/** Runs skopeo without a signature policy file, as every test copies unsigned content; the error carries stderr. */
export async function skopeo(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('skopeo', ['--insecure-policy', ...args], { maxBuffer: CLI_MAX_BUFFER });
  return stdout;
}

/** The sha256 digest of `data`, as `sha256:<hex>`. */
export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** A registry child process for one suite, with its database and data dir. */
export interface SuiteRegistry {
  /** host:port of the running registry. */
  readonly host: string;
  /**
   * The access-log lines (`msg: "request"`) with a status of 400 or more, for failure messages; HEAD requests are left
   * out, as clients probe for blobs with HEAD and a 404 there is the expected answer.
   */
  failedRequests(): string[];
}

/**
 * Registers beforeAll/afterAll hooks that build the registry, start it on the filesystem driver against a fresh
 * migrated database, and stop and remove everything afterwards.
 */
export function useRegistry(suite: string): SuiteRegistry {
  let db: TestDatabase | undefined;
  let dataDir: string | undefined;
  let registry: RegistryProcess | undefined;

  beforeAll(async () => {
    await buildRegistry();
    db = await createTestDatabase(`registry_e2e_${suite}`, { migrate: true });
    dataDir = await mkdtemp(join(tmpdir(), `berth-e2e-${suite}-`));
    registry = await startRegistryProcess({
      DATABASE_URL: db.url,
      BERTH_DATA_DIR: dataDir,
      BERTH_STORAGE_DRIVER: 'filesystem',
      LOG_LEVEL: 'info',
    });
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail' && registry) {
      console.error(
        `${suite}: registry requests answered with an error so far:\n${failedRequests(registry).join('\n')}`,
      );
    }
  });

  afterAll(async () => {
    if (registry && registry.child.exitCode === null) await registry.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const running = (): RegistryProcess => {
    if (!registry) throw new Error('the registry has not started');
    return registry;
  };
  return {
    get host() {
      return running().host;
    },
    failedRequests: () => failedRequests(running()),
  };
}

function failedRequests(registry: RegistryProcess): string[] {
  return registry
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"msg":"request"'))
    .filter((line) => {
      const entry = JSON.parse(line) as { method?: string; status?: number };
      return entry.method !== 'HEAD' && (entry.status ?? 0) >= HTTP_CLIENT_ERROR;
    });
}

/** What the registry answers for a manifest. */
export interface ManifestResponse {
  status: number;
  digest: string | null;
  contentType: string | null;
  body: Buffer;
}

/** GETs `/v2/<name>/manifests/<reference>` accepting every manifest media type. */
export async function getManifest(host: string, name: string, reference: string): Promise<ManifestResponse> {
  const res = await fetch(`http://${host}/v2/${name}/manifests/${reference}`, { headers: { Accept: MANIFEST_ACCEPT } });
  return {
    status: res.status,
    digest: res.headers.get('docker-content-digest'),
    contentType: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** An OCI image layout being written: blobs go to its content store, tags to index.json. */
export class OciLayoutWriter {
  readonly dir = mkdtempSync(join(tmpdir(), 'berth-oci-layout-'));
  private readonly tags: (TestDescriptor & { annotations: Record<string, string> })[] = [];

  constructor() {
    mkdirSync(join(this.dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(this.dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  }

  /** Writes a blob and returns its descriptor. */
  blob(mediaType: string, data: Buffer): TestDescriptor {
    const digest = sha256(data);
    writeFileSync(join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), data);
    return { mediaType, digest, size: data.length };
  }

  /** Writes a gzip layer holding one file of random bytes, and returns it with its diff id (uncompressed digest). */
  randomLayer(bytes: number): { descriptor: TestDescriptor; diffId: string } {
    const content = mkdtempSync(join(tmpdir(), 'berth-layer-'));
    try {
      writeFileSync(join(content, 'payload.bin'), randomBytes(bytes));
      const tar = execFileSync('tar', ['-cf', '-', '--owner=0', '--group=0', '-C', content, 'payload.bin']);
      const gzip = execFileSync('gzip', ['-n', '-c'], { input: tar });
      return { descriptor: this.blob('application/vnd.oci.image.layer.v1.tar+gzip', gzip), diffId: sha256(tar) };
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  }

  /** Writes a one-layer image for `os/architecture` and returns its manifest descriptor and bytes. */
  image(architecture: string, os = 'linux'): { descriptor: TestDescriptor; manifest: Buffer } {
    const layer = this.randomLayer(LAYER_BYTES);
    const config = this.blob(
      'application/vnd.oci.image.config.v1+json',
      Buffer.from(JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [layer.diffId] } })),
    );
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config,
        layers: [layer.descriptor],
      }),
    );
    return { descriptor: this.blob('application/vnd.oci.image.manifest.v1+json', manifest), manifest };
  }

  /** Names `descriptor` `tag` in index.json (org.opencontainers.image.ref.name) and rewrites index.json. */
  tag(descriptor: TestDescriptor, tag: string, extra: Record<string, unknown> = {}): void {
    this.tags.push({ ...descriptor, ...extra, annotations: { 'org.opencontainers.image.ref.name': tag } });
    writeFileSync(join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: this.tags }));
  }
}

/** Bytes of the random file in each generated layer: big enough to be a real blob, small enough to stay fast. */
const LAYER_BYTES = 32 * 1024;

/** A multi-platform image in an OCI layout: an index over one manifest per platform. */
export interface MultiPlatformLayout {
  dir: string;
  tag: string;
  index: Buffer;
  indexDigest: string;
  manifests: { architecture: string; digest: string; manifest: Buffer }[];
}

/** Writes a linux/amd64 + linux/arm64 image index tagged `tag` into a fresh OCI layout. */
export function buildMultiPlatformLayout(tag: string): MultiPlatformLayout {
  const layout = new OciLayoutWriter();
  const manifests = ['amd64', 'arm64'].map((architecture) => {
    const { descriptor, manifest } = layout.image(architecture);
    return { architecture, descriptor, manifest };
  });
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: manifests.map(({ architecture, descriptor }) => ({
        ...descriptor,
        platform: { architecture, os: 'linux' },
      })),
    }),
  );
  const descriptor = layout.blob('application/vnd.oci.image.index.v1+json', index);
  layout.tag(descriptor, tag);
  return {
    dir: layout.dir,
    tag,
    index,
    indexDigest: descriptor.digest,
    manifests: manifests.map(({ architecture, descriptor: d, manifest }) => ({
      architecture,
      digest: d.digest,
      manifest,
    })),
  };
}

/** An OCI artifact (a manifest with artifactType and the empty config) in an OCI layout. */
export interface ArtifactLayout {
  dir: string;
  tag: string;
  artifactType: string;
  manifest: Buffer;
  manifestDigest: string;
  payload: Buffer;
  payloadDigest: string;
}

/** Writes an artifact whose one layer is a small text payload, tagged `tag`, into a fresh OCI layout. */
export function buildArtifactLayout(tag: string, artifactType: string): ArtifactLayout {
  const layout = new OciLayoutWriter();
  const payload = Buffer.from(`berth test artifact ${randomBytes(8).toString('hex')}\n`);
  const config = { ...layout.blob(EMPTY_MEDIA_TYPE, EMPTY_JSON), data: EMPTY_JSON.toString('base64') };
  const layer = {
    ...layout.blob('text/plain', payload),
    annotations: { 'org.opencontainers.image.title': 'notes.txt' },
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType,
      config,
      layers: [layer],
    }),
  );
  const descriptor = layout.blob('application/vnd.oci.image.manifest.v1+json', manifest);
  layout.tag(descriptor, tag, { artifactType });
  return {
    dir: layout.dir,
    tag,
    artifactType,
    manifest,
    manifestDigest: descriptor.digest,
    payload,
    payloadDigest: layer.digest,
  };
}
