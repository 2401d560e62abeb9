import { chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { emptyRedactionMap, REDACTION_KINDS, REDACTION_MAP_FORMAT, type RedactionMap } from './redaction-map.ts';

const MAX_MAP_BYTES = 64 * 1024 * 1024;

export class MapFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MapFileError';
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

/** Checks a parsed map file; kinds missing from an older file start empty. */
export function parseRedactionMap(value: unknown): RedactionMap | string {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (record.format !== REDACTION_MAP_FORMAT) return `format is not ${REDACTION_MAP_FORMAT}`;
  const map = emptyRedactionMap();
  const entries = (record.entries ?? {}) as Record<string, unknown>;
  for (const kind of REDACTION_KINDS) {
    const table = entries[kind] ?? {};
    if (!isStringRecord(table)) return `entries.${kind} is not an object of strings`;
    Object.assign(map.entries[kind], table);
  }
  for (const key of ['ipv4Networks', 'ipv6Networks'] as const) {
    const table = record[key] ?? {};
    if (!isStringRecord(table)) return `${key} is not an object of strings`;
    Object.assign(map[key], table);
  }
  return map;
}

export interface LoadedMap {
  map: RedactionMap;
  /** False when the file did not exist yet and an empty map was started. */
  existed: boolean;
  warnings: string[];
}

/**
 * Loads a map file, or starts an empty map when there is none. A map that other users could read
 * is made private (0600) again with a warning: it holds every original value.
 */
export async function loadRedactionMap(path: string): Promise<LoadedMap> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { map: emptyRedactionMap(), existed: false, warnings: [] };
    throw error;
  }
  if (!info.isFile()) throw new MapFileError(`${path} is not a file`);
  if (info.size > MAX_MAP_BYTES) throw new MapFileError(`${path} is larger than ${MAX_MAP_BYTES} bytes`);
  const warnings: string[] = [];
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    await chmod(path, 0o600);
    warnings.push(`${path} was readable by others (mode ${(info.mode & 0o777).toString(8)}); changed it to 600`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new MapFileError(`${path} is not a JSON redaction map`);
  }
  const map = parseRedactionMap(parsed);
  if (typeof map === 'string') throw new MapFileError(`${path}: ${map}`);
  return { map, existed: true, warnings };
}

/** Writes the map with mode 0600 through a private temporary file, so a crash never leaves half a map. */
export async function saveRedactionMap(path: string, map: RedactionMap): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(map, null, 2)}\n`);
    await handle.close();
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
