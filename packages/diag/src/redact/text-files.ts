import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
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

/**
 * Text in UTF-8, UTF-16LE with a BOM (what Windows tools such as `reg export` write) or, failing
 * those, Latin-1; null for binary data (a NUL byte outside UTF-16), which cannot be redacted safely.
 */
export function decodeText(data: Buffer): DecodedText | null {
  if (data.subarray(0, 2).equals(UTF16LE_BOM) && data.length % 2 === 0) {
    return { text: data.subarray(2).toString('utf16le'), encode: (text) => Buffer.concat([UTF16LE_BOM, Buffer.from(text, 'utf16le')]) };
  }
  if (data.includes(0)) return null;
  // ASCII (most of a report) reads and writes the same as Latin-1, which is a plain copy; UTF-8 decoding is not.
  if (isAscii(data)) return { text: data.toString('latin1'), encode: (text) => Buffer.from(text, 'latin1') };
  // A UTF-8 BOM stays in the text as U+FEFF and is written back as it was.
  if (isUtf8(data)) return { text: data.toString('utf8'), encode: (text) => Buffer.from(text, 'utf8') };
  return { text: data.toString('latin1'), encode: (text) => Buffer.from(text, 'latin1') };
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
function listFolder(root: string, relative = ''): Entry[] {
  const entries = readdirSync(join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listed: Entry[] = [];
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) listed.push(...listFolder(root, path));
    else if (entry.isFile()) listed.push({ path });
    else listed.push({ path, notRegular: entry.isSymbolicLink() ? 'symbolic link' : 'not a regular file' });
  }
  return listed;
}

/**
 * Regular files under `root`, without following symbolic links; links, devices and oversized files are listed as skipped.
 * Synchronous on purpose: a report is a thousand small files, mostly in the page cache, and each asynchronous call
 * costs a trip through the thread pool and a promise that together take several times the system call itself.
 */
export function readFolder(root: string): { files: FoundFile[]; skipped: Skipped[] } {
  const files: FoundFile[] = [];
  const skipped: Skipped[] = [];
  let total = 0;
  // Plain concatenation: path.join normalises each of a thousand paths that are already normal.
  const prefix = root.endsWith('/') ? root : `${root}/`;
  for (const entry of listFolder(root)) {
    const data = entry.notRegular ? null : readUpTo(prefix + entry.path, MAX_FILE_BYTES);
    if (data === null) {
      skipped.push({ path: entry.path, reason: entry.notRegular ?? `larger than ${MAX_FILE_BYTES} bytes` });
      continue;
    }
    if (files.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files in ${root}`);
    total += data.length;
    if (total > MAX_TOTAL_BYTES) throw new Error(`more than ${MAX_TOTAL_BYTES} bytes in ${root}`);
    files.push({ path: entry.path, data });
  }
  return { files, skipped };
}

/**
 * The file's bytes, or null when it is larger than `limit`. The size comes from the open file, saving a separate `lstat`
 * per file; a size of 0 may be a file that only knows its length once read (procfs), which `readFileSync` reads to the end.
 */
function readUpTo(path: string, limit: number): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return null;
    if (size === 0) return readFileSync(fd);
    const data = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, data, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return data.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
