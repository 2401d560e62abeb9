import { BundleError } from './bundle-error.ts';
import { unsafePathReason } from './manifest.ts';

const BLOCK = 512;

export type TarLimits = { maxEntries: number; maxFileBytes: number; maxTotalBytes: number };
export type TarFile = { path: string; data: Buffer };

/** Collects chunks and hands out exact-length slices, concatenating once per slice. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(count: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const slice = all.subarray(0, count);
    const rest = all.subarray(count);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return slice;
  }
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number, field: string): number {
  if (block[start]! & 0x80) throw new BundleError('tar', `binary ${field} field is not supported`);
  const digits = text(block, start, length).trim();
  if (!/^[0-7]{0,12}$/.test(digits)) throw new BundleError('tar', `bad ${field} field`);
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

function checksumMatches(block: Buffer): boolean {
  const stored = octal(block, 148, 8, 'checksum');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === stored;
}

/** Reads `path` and `size` from a pax extended header body ("<len> key=value\n" records). */
function paxRecords(body: Buffer): { path?: string; size?: number } {
  const records: { path?: string; size?: number } = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    const length = Number.parseInt(body.subarray(offset, space).toString('ascii'), 10);
    if (space === -1 || !Number.isSafeInteger(length) || length <= space - offset || offset + length > body.length) {
      throw new BundleError('tar', 'bad pax header');
    }
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    const key = record.slice(0, equals);
    const value = record.slice(equals + 1);
    if (key === 'path') records.path = value;
    if (key === 'size') {
      if (!/^\d{1,15}$/.test(value)) throw new BundleError('tar', 'bad pax size');
      records.size = Number(value);
    }
    if (key === 'linkpath') throw new BundleError('entry-type', 'link in pax header', records.path);
    offset += length;
  }
  return records;
}

type Header = { path: string; size: number; type: string };

function header(block: Buffer): Header {
  if (!checksumMatches(block)) throw new BundleError('tar', 'header checksum mismatch');
  const name = text(block, 0, 100);
  const isUstar = text(block, 257, 6).startsWith('ustar');
  const prefix = isUstar ? text(block, 345, 155) : '';
  const type = String.fromCharCode(block[156]!);
  return { path: prefix ? `${prefix}/${name}` : name, size: octal(block, 124, 12, 'size'), type: type === '\0' ? '0' : type };
}

type State = { pax: { path?: string; size?: number } | null; entries: number; total: number; zeroBlocks: number };

const META_LIMIT = 64 * 1024;

/**
 * Parses a plain (already decompressed) tar stream into regular files, enforcing the limits as it goes:
 * pax headers are honoured for long names, directories are skipped, every other entry type is refused.
 * Reading stops at the end-of-archive blocks, so padding or data after them is never inflated.
 */
export async function* tarFiles(source: AsyncIterable<Buffer>, limits: TarLimits): AsyncGenerator<TarFile> {
  const queue = new ByteQueue();
  const state: State = { pax: null, entries: 0, total: 0, zeroBlocks: 0 };
  let pending: Header | null = null;
  for await (const chunk of source) {
    queue.push(chunk);
    while (state.zeroBlocks < 2) {
      if (pending === null) {
        if (queue.length < BLOCK) break;
        pending = nextHeader(queue.take(BLOCK), state, limits);
        continue;
      }
      const padded = Math.ceil(pending.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const data = Buffer.from(queue.take(padded).subarray(0, pending.size));
      const current: Header = pending;
      pending = null;
      if (current.type === 'x') state.pax = paxRecords(data);
      else if (current.type === '0') yield { path: current.path, data };
    }
    if (state.zeroBlocks >= 2) return;
  }
  if (state.zeroBlocks < 2 && (pending !== null || queue.length > 0 || state.entries > 0 || state.zeroBlocks === 1)) {
    throw new BundleError('truncated', 'tar stream ends in the middle of an entry');
  }
  if (state.zeroBlocks < 2) throw new BundleError('truncated', 'empty tar stream');
}

function nextHeader(block: Buffer, state: State, limits: TarLimits): Header | null {
  if (block.every((byte) => byte === 0)) {
    state.zeroBlocks++;
    return null;
  }
  if (state.zeroBlocks > 0) throw new BundleError('tar', 'data after an end-of-archive block');
  const raw = header(block);
  if (raw.type === 'x') {
    if (raw.size > META_LIMIT) throw new BundleError('limit', 'pax header too large');
    return raw;
  }
  const entry: Header = { ...raw, path: state.pax?.path ?? raw.path, size: state.pax?.size ?? raw.size };
  state.pax = null;
  if (++state.entries > limits.maxEntries) throw new BundleError('limit', `more than ${limits.maxEntries} entries`);
  const unsafe = unsafePathReason(entry.type === '5' ? entry.path.replace(/\/$/, '') : entry.path);
  if (unsafe) throw new BundleError('unsafe-path', unsafe, entry.path);
  if (entry.type === '5') return { ...entry, size: 0 };
  if (entry.type !== '0') throw new BundleError('entry-type', `entry type '${entry.type}' is not a regular file`, entry.path);
  if (entry.size > limits.maxFileBytes) throw new BundleError('limit', `entry larger than ${limits.maxFileBytes} bytes`, entry.path);
  state.total += entry.size;
  if (state.total > limits.maxTotalBytes) throw new BundleError('limit', `bundle larger than ${limits.maxTotalBytes} bytes`, entry.path);
  return entry;
}
