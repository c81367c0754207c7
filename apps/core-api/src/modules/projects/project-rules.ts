/** Longest project name, as Harbor's. */
export const PROJECT_NAME_MAX_LENGTH = 255;

/** Harbor's project name grammar: lower-case alphanumeric runs joined by single `.`, `_` or `-`. */
export const PROJECT_NAME_PATTERN = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** How project metadata writes booleans. */
export const BOOLEAN_TEXT = ['true', 'false'] as const;

/** The severities `prevent_vul` can block from. */
export const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;

/** The metadata key stored in the project's own `public` column rather than in the metadata map. */
export const PUBLIC_KEY = 'public';

/** The metadata keys a project accepts and the values each allows (undefined: any short string). */
export const METADATA_KEYS: Readonly<Record<string, readonly string[] | undefined>> = {
  public: BOOLEAN_TEXT,
  enable_content_trust: BOOLEAN_TEXT,
  enable_content_trust_cosign: BOOLEAN_TEXT,
  prevent_vul: BOOLEAN_TEXT,
  severity: SEVERITIES,
  auto_scan: BOOLEAN_TEXT,
  reuse_sys_cve_allowlist: BOOLEAN_TEXT,
  retention_id: undefined,
};

/** Longest free-form metadata value. */
export const MAX_METADATA_VALUE_LENGTH = 32;

/** Tells whether a string is a valid project name. */
export function isValidProjectName(name: string): boolean {
  return name.length <= PROJECT_NAME_MAX_LENGTH && PROJECT_NAME_PATTERN.test(name);
}

/** Returns why a metadata entry is refused, or undefined when it is valid. */
export function metadataProblem(key: string, value: unknown): string | undefined {
  if (!Object.hasOwn(METADATA_KEYS, key)) {
    return `unknown metadata key "${key}"; known keys: ${Object.keys(METADATA_KEYS).join(', ')}`;
  }
  if (typeof value !== 'string') return `metadata "${key}" must be a string`;
  const allowed = METADATA_KEYS[key];
  if (allowed && !allowed.includes(value)) return `metadata "${key}" must be one of ${allowed.join(', ')}`;
  if (value.length > MAX_METADATA_VALUE_LENGTH) {
    return `metadata "${key}" must be at most ${MAX_METADATA_VALUE_LENGTH} characters`;
  }
  return undefined;
}
