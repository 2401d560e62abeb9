import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IO_CONCURRENCY, mapConcurrently } from './map-concurrently.ts';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
export const MAX_FILES = 5_000;

/** A file's text and how to write it back in its own encoding. */
export interface DecodedText {
  text: string;
  encode: (text: string) => Buffer;
}

const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text in UTF-8, UTF-16LE with a BOM (what Windows tools such as `reg export` write) or, failing
 * those, Latin-1; null for binary data (a NUL byte outside UTF-16), which cannot be redacted safely.
 */
export function decodeText(data: Buffer): DecodedText | null {
  if (data.subarray(0, 2).equals(UTF16LE_BOM) && data.length % 2 === 0) {
    return { text: data.subarray(2).toString('utf16le'), encode: (text) => Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]) };
  }
  if (data.includes(0)) return null;
  try {
    return { text: strictUtf8.decode(data), encode: (text) => Buffer.from(text, 'utf8') };
  } catch {
    return { text: data.toString('latin1'), encode: (text) => Buffer.from(text, 'latin1') };
  }
}

export interface FoundFile {
  /** Relative, `/`-separated. */
  path: string;
  data: Buffer;
}

export interface Skipped {
  path: string;
  reason: string;
}

interface Entry {
  path: string;
  /** Why the entry cannot be redacted, for links and devices. */
  notRegular?: string;
}

/** Every entry under `root` in name order, without following symbolic links. */
async function listFolder(root: string, relative = ''): Promise<Entry[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listed: Entry[] = [];
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) listed.push(...(await listFolder(root, path)));
    else if (entry.isFile()) listed.push({ path });
    else listed.push({ path, notRegular: entry.isSymbolicLink() ? 'symbolic link' : 'not a regular file' });
  }
  return listed;
}

/** Regular files under `root`, without following symbolic links; links, devices and oversized files are listed as skipped. */
export async function readFolder(root: string): Promise<{ files: FoundFile[]; skipped: Skipped[] }> {
  const entries = await listFolder(root);
  const sizes = await mapConcurrently(entries, IO_CONCURRENCY, async (entry) => (entry.notRegular ? 0 : (await lstat(join(root, entry.path))).size));
  const wanted: string[] = [];
  const skipped: Skipped[] = [];
  let total = 0;
  for (const [index, entry] of entries.entries()) {
    if (entry.notRegular) {
      skipped.push({ path: entry.path, reason: entry.notRegular });
      continue;
    }
    if (sizes[index] > MAX_FILE_BYTES) {
      skipped.push({ path: entry.path, reason: `larger than ${MAX_FILE_BYTES} bytes` });
      continue;
    }
    if (wanted.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files in ${root}`);
    total += sizes[index];
    if (total > MAX_TOTAL_BYTES) throw new Error(`more than ${MAX_TOTAL_BYTES} bytes in ${root}`);
    wanted.push(entry.path);
  }
  const files = await mapConcurrently(wanted, IO_CONCURRENCY, async (path) => ({ path, data: await readFile(join(root, path)) }));
  return { files, skipped };
}
