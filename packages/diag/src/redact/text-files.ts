import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Regular files under `root`, without following symbolic links; links, devices and oversized files are listed as skipped. */
export async function readFolder(root: string): Promise<{ files: FoundFile[]; skipped: Skipped[] }> {
  const files: FoundFile[] = [];
  const skipped: Skipped[] = [];
  let total = 0;
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        await visit(path);
        continue;
      }
      if (!entry.isFile()) {
        skipped.push({ path, reason: entry.isSymbolicLink() ? 'symbolic link' : 'not a regular file' });
        continue;
      }
      const { size } = await lstat(join(root, path));
      if (size > MAX_FILE_BYTES) {
        skipped.push({ path, reason: `larger than ${MAX_FILE_BYTES} bytes` });
        continue;
      }
      if (files.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files in ${root}`);
      total += size;
      if (total > MAX_TOTAL_BYTES) throw new Error(`more than ${MAX_TOTAL_BYTES} bytes in ${root}`);
      files.push({ path, data: await readFile(join(root, path)) });
    }
  };
  await visit('');
  return { files, skipped };
}
