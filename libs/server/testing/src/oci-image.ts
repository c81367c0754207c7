import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A descriptor as in the OCI image spec. */
export interface TestDescriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/** An OCI image layout on disk (`oci:<dir>:<tag>` for skopeo) and what it holds. */
export interface TestOciImage {
  dir: string;
  tag: string;
  manifestDigest: string;
  manifest: Buffer;
  config: TestDescriptor;
  layers: TestDescriptor[];
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Writes a blob into the layout's content store and returns its descriptor. */
function writeBlob(dir: string, mediaType: string, data: Buffer): TestDescriptor {
  const digest = sha256(data);
  writeFileSync(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), data);
  return { mediaType, digest, size: data.length };
}

/**
 * Builds a small linux/amd64 OCI image with `layerCount` gzip layers of random files, offline, as an OCI image layout
 * directory that skopeo can copy from (`oci:<dir>:<tag>`). Every call gives distinct content.
 */
export function buildOciImage(
  options: { layerCount?: number; bytesPerLayer?: number; tag?: string } = {},
): TestOciImage {
  const { layerCount = 2, bytesPerLayer = 64 * 1024, tag = 'v1' } = options;
  const dir = mkdtempSync(join(tmpdir(), 'berth-oci-image-'));
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const layers: TestDescriptor[] = [];
  const diffIds: string[] = [];
  for (let i = 0; i < layerCount; i++) {
    const content = mkdtempSync(join(tmpdir(), 'berth-layer-'));
    mkdirSync(join(content, 'data'));
    writeFileSync(join(content, 'data', `layer-${i}.bin`), randomBytes(bytesPerLayer));
    const tarGz = execFileSync('tar', ['-czf', '-', '--owner=0', '--group=0', '-C', content, 'data'], {
      maxBuffer: 1 << 30,
    });
    rmSync(content, { recursive: true, force: true });
    diffIds.push(sha256(gunzipSync(tarGz)));
    layers.push(writeBlob(dir, 'application/vnd.oci.image.layer.v1.tar+gzip', tarGz));
  }
  const configJson = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: new Date().toISOString(),
      config: { Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: layers.map((_, i) => ({ created_by: `test layer ${i}` })),
    }),
  );
  const config = writeBlob(dir, 'application/vnd.oci.image.config.v1+json', configJson);
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config, layers }),
  );
  const manifestDescriptor = writeBlob(dir, 'application/vnd.oci.image.manifest.v1+json', manifest);
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ ...manifestDescriptor, annotations: { 'org.opencontainers.image.ref.name': tag } }],
    }),
  );
  return { dir, tag, manifestDigest: manifestDescriptor.digest, manifest, config, layers };
}

/** What a layout holds for one tag, with the digests of the config and layer files as actually found on disk. */
export interface PulledOciImage {
  digest: string;
  manifest: Buffer;
  configDigest: string;
  layerDigests: string[];
}

/** Reads the manifest a layout's index.json names for a tag and hashes the config and layer files it references. */
export function readOciLayoutImage(dir: string, tag: string): PulledOciImage {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations?: Record<string, string> }[];
  };
  const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!entry) throw new Error(`no manifest tagged ${tag} in ${dir}`);
  const blob = (digest: string) => readFileSync(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  const manifest = blob(entry.digest);
  const parsed = JSON.parse(manifest.toString('utf8')) as { config: TestDescriptor; layers: TestDescriptor[] };
  return {
    digest: sha256(manifest),
    manifest,
    configDigest: sha256(blob(parsed.config.digest)),
    layerDigests: parsed.layers.map((layer) => sha256(blob(layer.digest))),
  };
}
