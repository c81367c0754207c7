import { parseDigest } from './digest';
import {
  IMAGE_MANIFEST_MEDIA_TYPES,
  INDEX_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
  MediaType,
  NON_DISTRIBUTABLE_LAYER_MEDIA_TYPES,
  baseMediaType,
  isValidMediaType,
} from './media-types';

/** The schema version every OCI and Docker schema 2 manifest carries. */
export const MANIFEST_SCHEMA_VERSION = 2;

/** The platform an index entry is for. */
export interface Platform {
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
  features?: string[];
}

/** A content descriptor: what a manifest says about a blob or another manifest. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  artifactType?: string;
  platform?: Platform;
}

interface ManifestCommon {
  /** The media type the manifest is stored and served with. */
  mediaType: string;
  /** OCI 1.1 `artifactType` as written in the manifest. */
  artifactType?: string;
  /** OCI 1.1 `subject`: the manifest this one refers to. */
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A single-platform manifest: one config blob and its layers. */
export interface ImageManifest extends ManifestCommon {
  kind: 'manifest';
  config: Descriptor;
  layers: Descriptor[];
}

/** An index (or Docker manifest list): a list of manifests, each optionally for a platform. */
export interface ImageIndex extends ManifestCommon {
  kind: 'index';
  manifests: Descriptor[];
}

/** A parsed and validated manifest of either kind. */
export type ParsedManifest = ImageManifest | ImageIndex;

/** The outcome of parsing a manifest: the manifest, or the reason it is invalid. */
export type ManifestParseResult = { ok: true; manifest: ParsedManifest } | { ok: false; reason: string };

class ManifestInvalid extends Error {}

function fail(reason: string): never {
  throw new ManifestInvalid(reason);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(`${where} must be a string`);
  return value;
}

function mediaTypeField(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(`${where} is required and must be a string`);
  if (!isValidMediaType(value)) fail(`${where} "${value}" is not a valid media type`);
  return value;
}

function stringArray(value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(`${where} must be an array of strings`);
  }
  return value as string[];
}

function annotationsField(value: unknown, where: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || !Object.values(value).every((item) => typeof item === 'string')) {
    fail(`${where} must be an object of string values`);
  }
  return value as Record<string, string>;
}

function platformField(value: unknown, where: string): Platform | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(`${where} must be an object`);
  if (typeof value['architecture'] !== 'string') fail(`${where}.architecture is required and must be a string`);
  if (typeof value['os'] !== 'string') fail(`${where}.os is required and must be a string`);
  const platform: Platform = { architecture: value['architecture'], os: value['os'] };
  const osVersion = optionalString(value['os.version'], `${where}.os.version`);
  const variant = optionalString(value['variant'], `${where}.variant`);
  const osFeatures = stringArray(value['os.features'], `${where}.os.features`);
  const features = stringArray(value['features'], `${where}.features`);
  if (osVersion !== undefined) platform['os.version'] = osVersion;
  if (osFeatures !== undefined) platform['os.features'] = osFeatures;
  if (variant !== undefined) platform.variant = variant;
  if (features !== undefined) platform.features = features;
  return platform;
}

function descriptorField(value: unknown, where: string): Descriptor {
  if (!isObject(value)) fail(`${where} must be a descriptor object`);
  const mediaType = mediaTypeField(value['mediaType'], `${where}.mediaType`);
  const digest = value['digest'];
  if (typeof digest !== 'string') fail(`${where}.digest is required and must be a string`);
  const parsed = parseDigest(digest);
  if (!parsed.ok) {
    fail(
      parsed.error === 'unsupported'
        ? `${where}.digest "${digest}" uses an unsupported algorithm`
        : `${where}.digest "${digest}" is not a valid digest`,
    );
  }
  const size = value['size'];
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    fail(`${where}.size must be a non-negative integer`);
  }
  const descriptor: Descriptor = { mediaType, digest, size };
  const urls = stringArray(value['urls'], `${where}.urls`);
  const annotations = annotationsField(value['annotations'], `${where}.annotations`);
  const artifactType =
    value['artifactType'] === undefined ? undefined : mediaTypeField(value['artifactType'], `${where}.artifactType`);
  const platform = platformField(value['platform'], `${where}.platform`);
  if (urls !== undefined) descriptor.urls = urls;
  if (annotations !== undefined) descriptor.annotations = annotations;
  if (artifactType !== undefined) descriptor.artifactType = artifactType;
  if (platform !== undefined) descriptor.platform = platform;
  return descriptor;
}

function descriptorArray(value: unknown, where: string): Descriptor[] {
  if (!Array.isArray(value)) fail(`${where} is required and must be an array`);
  return value.map((item, i) => descriptorField(item, `${where}[${i}]`));
}

/** Decides the media type to store: the Content-Type and the body's `mediaType` must agree when both are given. */
function resolveMediaType(contentType: string | undefined, body: Record<string, unknown>): string {
  const declared = body['mediaType'];
  if (declared !== undefined && typeof declared !== 'string') fail('mediaType must be a string');
  if (contentType !== undefined && MANIFEST_MEDIA_TYPES.includes(contentType)) {
    if (declared !== undefined && declared !== contentType) {
      fail(`mediaType "${declared}" does not match the Content-Type "${contentType}"`);
    }
    return contentType;
  }
  if (contentType !== undefined && contentType !== 'application/json' && contentType !== 'application/octet-stream') {
    fail(`Content-Type "${contentType}" is not a supported manifest media type`);
  }
  if (declared !== undefined) {
    if (!MANIFEST_MEDIA_TYPES.includes(declared))
      fail(`mediaType "${declared}" is not a supported manifest media type`);
    return declared;
  }
  // OCI manifests may omit mediaType; their shape then tells which of the two OCI types they are.
  if (body['manifests'] !== undefined) return MediaType.OciIndex;
  if (body['config'] !== undefined) return MediaType.OciManifest;
  return fail('the manifest has no mediaType and its Content-Type does not name a manifest media type');
}

function parseObject(body: Record<string, unknown>, contentType: string | undefined): ParsedManifest {
  if (body['schemaVersion'] !== MANIFEST_SCHEMA_VERSION) fail(`schemaVersion must be ${MANIFEST_SCHEMA_VERSION}`);
  const mediaType = resolveMediaType(contentType, body);
  const isDocker = mediaType === MediaType.DockerManifest || mediaType === MediaType.DockerManifestList;
  if (isDocker && body['mediaType'] === undefined) fail('mediaType is required in Docker schema 2 manifests');
  const common: ManifestCommon = { mediaType };
  if (body['artifactType'] !== undefined) common.artifactType = mediaTypeField(body['artifactType'], 'artifactType');
  if (body['subject'] !== undefined) common.subject = descriptorField(body['subject'], 'subject');
  const annotations = annotationsField(body['annotations'], 'annotations');
  if (annotations !== undefined) common.annotations = annotations;

  if (IMAGE_MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    if (body['manifests'] !== undefined) fail('an image manifest must not have a manifests field');
    const config = descriptorField(body['config'], 'config');
    const layers = descriptorArray(body['layers'], 'layers');
    // image-spec manifest.md: an empty config without artifactType says nothing about what the artifact is.
    if (
      config.mediaType === MediaType.OciEmpty &&
      common.artifactType === undefined &&
      mediaType === MediaType.OciManifest
    ) {
      fail('artifactType is required when config.mediaType is the empty descriptor');
    }
    return { kind: 'manifest', ...common, config, layers };
  }
  if (INDEX_MEDIA_TYPES.includes(mediaType)) {
    if (body['config'] !== undefined || body['layers'] !== undefined) {
      fail('an index must not have config or layers fields');
    }
    return { kind: 'index', ...common, manifests: descriptorArray(body['manifests'], 'manifests') };
  }
  return fail(`"${mediaType}" is not a supported manifest media type`);
}

/**
 * Parses and validates a manifest or index body as pushed with the given Content-Type (parameters allowed), returning
 * the descriptors it references or the reason it is invalid.
 */
export function parseManifest(body: string, contentType?: string): ManifestParseResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'the body is not valid JSON' };
  }
  if (!isObject(json)) return { ok: false, reason: 'the body must be a JSON object' };
  try {
    return { ok: true, manifest: parseObject(json, baseMediaType(contentType)) };
  } catch (err) {
    if (err instanceof ManifestInvalid) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * Returns the artifact type the referrers API reports for a manifest (distribution-spec "Listing Referrers"): its
 * `artifactType`, else for an image manifest the config media type, else undefined (an index without one).
 */
export function effectiveArtifactType(manifest: ParsedManifest): string | undefined {
  if (manifest.artifactType !== undefined) return manifest.artifactType;
  return manifest.kind === 'manifest' ? manifest.config.mediaType : undefined;
}

/** Returns the blobs a manifest needs in its repository: the config and every distributable layer. */
export function referencedBlobs(manifest: ParsedManifest): Descriptor[] {
  if (manifest.kind !== 'manifest') return [];
  return [
    manifest.config,
    ...manifest.layers.filter((l) => !NON_DISTRIBUTABLE_LAYER_MEDIA_TYPES.includes(l.mediaType)),
  ];
}

/** Returns the child manifests an index lists (none for an image manifest). */
export function referencedManifests(manifest: ParsedManifest): Descriptor[] {
  return manifest.kind === 'index' ? manifest.manifests : [];
}
