import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ReportUnreadable } from './report-model.ts';

const BLOCK = 512;
const MAX_ENTRIES = 100_000;
const MAX_INFLATED = 1024 ** 3;
const MAX_KEPT_FILE = 4 * 1024 * 1024;

type Header = { path: string; size: number; type: string };
type Entry = Header & { inner: string | null };

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

function header(block: Buffer): Header {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  const digits = (start: number, length: number) => field(block, start, length).trim();
  if (!/^[0-7]{1,12}$/.test(digits(148, 8)) || Number.parseInt(digits(148, 8), 8) !== sum) throw new ReportUnreadable('tar header checksum mismatch');
  const size = digits(124, 12);
  if (!/^[0-7]{0,12}$/.test(size)) throw new ReportUnreadable('bad tar size field');
  const prefix = field(block, 257, 6).startsWith('ustar') ? field(block, 345, 155) : '';
  const name = field(block, 0, 100);
  const type = String.fromCharCode(block[156]);
  return { path: prefix ? `${prefix}/${name}` : name, size: size === '' ? 0 : Number.parseInt(size, 8), type: type === '\0' ? '0' : type };
}

function paxPath(body: Buffer): string | undefined {
  for (const record of body.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** Linux file names may hold backslashes (systemd escapes); only what could leave the folder is unsafe. */
function unsafeReason(path: string): string | null {
  if (path.length === 0 || path.length > 4096) return 'empty or overlong path';
  if (path.includes('\0')) return 'NUL in path';
  if (path.startsWith('/')) return 'absolute path';
  if (path.split('/').includes('..')) return 'parent segment (..)';
  return null;
}

/** The path below the report's own top folder ("sosreport-host-date/etc/hosts" → "etc/hosts"). */
function inner(path: string): string | null {
  const clean = path.replace(/\/$/, '');
  const reason = unsafeReason(clean);
  if (reason) throw new ReportUnreadable(`unsafe path in the archive (${reason}): ${JSON.stringify(clean.slice(0, 200))}`);
  const slash = clean.indexOf('/');
  return slash === -1 ? null : clean.slice(slash + 1);
}

async function* inflated(data: Buffer): AsyncGenerator<Buffer> {
  let total = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(createGunzip()) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_INFLATED) throw new ReportUnreadable('the archive inflates beyond 1 GB');
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ReportUnreadable) throw error;
    throw new ReportUnreadable('not a readable gzip stream');
  }
}

type Walk = { buffer: Buffer; current: Entry | null; longName: string | undefined; entries: number; ended: boolean };

/** Takes the next header off the buffer; false when more bytes are needed. */
function readHeader(walk: Walk): boolean {
  if (walk.buffer.length < BLOCK) return false;
  const block = walk.buffer.subarray(0, BLOCK);
  walk.buffer = walk.buffer.subarray(BLOCK);
  if (block.every((byte) => byte === 0)) {
    walk.ended = true;
    return false;
  }
  if (++walk.entries > MAX_ENTRIES) throw new ReportUnreadable(`more than ${MAX_ENTRIES} entries`);
  const raw = header(block);
  const path = walk.longName ?? raw.path;
  walk.longName = undefined;
  const meta = raw.type === 'x' || raw.type === 'L' || raw.type === 'g';
  if (!meta && !['0', '5', '1', '2'].includes(raw.type))
    throw new ReportUnreadable(`entry type '${raw.type}' is not allowed: ${JSON.stringify(path.slice(0, 200))}`);
  walk.current = { ...raw, path, inner: meta ? null : inner(path) };
  return true;
}

/** Keeps or skips the current entry's data; false when more bytes are needed. */
function readBody(walk: Walk, entry: Entry, wanted: (path: string) => boolean, files: Map<string, Buffer>): boolean {
  const padded = Math.ceil(entry.size / BLOCK) * BLOCK;
  const keep = entry.type === 'x' || entry.type === 'L' || (entry.type === '0' && entry.inner !== null && wanted(entry.inner));
  if (keep && entry.size > MAX_KEPT_FILE) throw new ReportUnreadable(`${entry.inner ?? 'a header'} is larger than ${MAX_KEPT_FILE} bytes`);
  if (walk.buffer.length < (keep ? padded : Math.min(padded, BLOCK))) return false;
  if (!keep) {
    const skip = Math.min(padded, walk.buffer.length - (walk.buffer.length % BLOCK));
    walk.buffer = walk.buffer.subarray(skip);
    walk.current = skip === padded ? null : { ...entry, size: padded - skip };
    return true;
  }
  const body = Buffer.from(walk.buffer.subarray(0, entry.size));
  walk.buffer = walk.buffer.subarray(padded);
  if (entry.type === 'x') walk.longName = paxPath(body);
  else if (entry.type === 'L') walk.longName = field(body, 0, body.length);
  else if (entry.inner !== null) files.set(entry.inner, body);
  walk.current = null;
  return true;
}

/**
 * Reads the regular files `wanted` picks out of a sos report (.tar.gz) into memory. Links are
 * skipped, never followed (sos puts shortcuts at the top of its folder); `..`, absolute paths and
 * device entries refuse the whole archive.
 */
export async function sosFiles(data: Buffer, wanted: (path: string) => boolean): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk: Walk = { buffer: Buffer.alloc(0), current: null, longName: undefined, entries: 0, ended: false };
  for await (const chunk of inflated(data)) {
    walk.buffer = walk.buffer.length === 0 ? chunk : Buffer.concat([walk.buffer, chunk]);
    let progressed = true;
    while (progressed) progressed = walk.current === null ? readHeader(walk) : readBody(walk, walk.current, wanted, files);
    if (walk.ended) return files;
  }
  throw new ReportUnreadable('the archive ends in the middle of an entry');
}
