export const BUNDLE_FORMAT = 'steward-diag/1';
export const MANIFEST_PATH = 'manifest.json';

export type ManifestFile = { path: string; section: string; sha256: string; bytes: number };

export type Manifest = {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  tool: { name: string; version: string };
  host: { platform: string; release: string };
  files: ManifestFile[];
  redacted?: { kinds: Record<string, number> };
};

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SECTION = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_PATH_LENGTH = 512;

/** Why a path is unsafe inside a bundle, or null when it is a plain relative path. */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.length > MAX_PATH_LENGTH) return 'path too long';
  if (path.includes('\0')) return 'NUL in path';
  if (path.includes('\\')) return 'backslash in path';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'absolute path';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return 'parent segment (..)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'empty or dot segment';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function manifestFile(value: unknown, index: number): ManifestFile | string {
  if (!isRecord(value)) return `files[${index}] is not an object`;
  const { path, section, sha256, bytes } = value;
  if (typeof path !== 'string' || unsafePathReason(path) !== null || path === MANIFEST_PATH) return `files[${index}].path is not a safe relative path`;
  if (typeof section !== 'string' || !SECTION.test(section)) return `files[${index}].section is invalid`;
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) return `files[${index}].sha256 is not lowercase hex sha256`;
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return `files[${index}].bytes is not a whole number`;
  return { path, section, sha256, bytes };
}

function stringPair<K extends string>(value: unknown, keys: [K, K]): Record<K, string> | null {
  if (!isRecord(value)) return null;
  const pair = {} as Record<K, string>;
  for (const key of keys) {
    const entry = value[key];
    if (typeof entry !== 'string' || entry.length > 200) return null;
    pair[key] = entry;
  }
  return pair;
}

function redactedKinds(value: unknown): Manifest['redacted'] | string | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !isRecord(value.kinds)) return 'redacted.kinds is not an object';
  const kinds: Record<string, number> = {};
  for (const [kind, count] of Object.entries(value.kinds)) {
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return `redacted.kinds.${kind} is not a count`;
    kinds[kind] = count;
  }
  return { kinds };
}

/** Checks the shape of a parsed manifest; returns the manifest or the first problem found. */
export function parseManifest(value: unknown, maxFiles: number): Manifest | string {
  if (!isRecord(value)) return 'manifest is not an object';
  if (value.format !== BUNDLE_FORMAT) return `format is not ${BUNDLE_FORMAT}`;
  if (typeof value.createdAt !== 'string' || value.createdAt.length > 64) return 'createdAt is not a string';
  const tool = stringPair(value.tool, ['name', 'version']);
  if (!tool) return 'tool is not {name, version}';
  const host = stringPair(value.host, ['platform', 'release']);
  if (!host) return 'host is not {platform, release}';
  if (!Array.isArray(value.files)) return 'files is not an array';
  if (value.files.length > maxFiles) return 'too many files';
  const files: ManifestFile[] = [];
  for (const [index, entry] of value.files.entries()) {
    const file = manifestFile(entry, index);
    if (typeof file === 'string') return file;
    files.push(file);
  }
  const redacted = redactedKinds(value.redacted);
  if (typeof redacted === 'string') return redacted;
  return { format: BUNDLE_FORMAT, createdAt: value.createdAt, tool, host, files, ...(redacted ? { redacted } : {}) };
}
