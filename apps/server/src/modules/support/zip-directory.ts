import { checkEntryPath, refuseArchive } from './archive-paths.ts';
import { inflatedSize } from './inflate-within.ts';
import { ARCHIVE_LIMITS, unpackBudget } from './upload-limits.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  path: string;
  method: number;
  packedSize: number;
  unpackedSize: number;
  localOffset: number;
}

const invalid = (why: string) => refuseArchive(`is not a valid zip archive: ${why}`);

/** Where the central directory lies, from the end record (searched backwards past any comment). */
function directoryOf(data: Buffer): { count: number; offset: number; end: number } {
  const lowest = Math.max(0, data.length - 22 - U16_MAX);
  for (let at = data.length - 22; at >= lowest; at--) {
    if (data.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
    const count = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 12);
    const offset = data.readUInt32LE(at + 16);
    if (data.readUInt16LE(at + 4) !== 0 || data.readUInt16LE(at + 6) !== 0) throw invalid('split archives are not accepted');
    if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) throw invalid('ZIP64 archives are not accepted');
    if (offset + size > at) throw invalid('its directory lies outside the file');
    return { count, offset, end: offset + size };
  }
  throw invalid('no central directory');
}

/** Sizes and offset too large for 32 bits are in the ZIP64 extra field, in this order, only when the header holds 0xffffffff. */
function zip64Values(extra: Buffer, wanted: { unpacked: boolean; packed: boolean; offset: boolean }) {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== ZIP64_EXTRA) continue;
    const values: number[] = [];
    const count = Number(wanted.unpacked) + Number(wanted.packed) + Number(wanted.offset);
    for (let i = 0; i < count; i++) {
      if (at + 4 + 8 * (i + 1) > extra.length) throw invalid('a ZIP64 field is cut short');
      const value = extra.readBigUInt64LE(at + 4 + 8 * i);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw refuseArchive('is an archive bomb: an entry claims an impossible size');
      values.push(Number(value));
    }
    return values;
  }
  throw invalid('a ZIP64 field is missing');
}

function readEntry(data: Buffer, at: number, end: number): { entry: ZipEntry; next: number } {
  if (at + 46 > end || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw invalid('a directory entry is damaged');
  const madeBy = data.readUInt16LE(at + 4);
  const flags = data.readUInt16LE(at + 8);
  const nameLength = data.readUInt16LE(at + 28);
  const extraLength = data.readUInt16LE(at + 30);
  const next = at + 46 + nameLength + extraLength + data.readUInt16LE(at + 32);
  if (next > end) throw invalid('a directory entry is damaged');
  const path = data.subarray(at + 46, at + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
  checkEntryPath('zip', path);
  if (madeBy >> 8 === UNIX_HOST && ((data.readUInt32LE(at + 38) >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE)
    throw refuseArchive('a zip entry is a symbolic link');
  if (flags & 0x1) throw refuseArchive('has encrypted entries, which cannot be checked');
  let unpackedSize = data.readUInt32LE(at + 24);
  let packedSize = data.readUInt32LE(at + 20);
  let localOffset = data.readUInt32LE(at + 42);
  const wanted = { unpacked: unpackedSize === U32_MAX, packed: packedSize === U32_MAX, offset: localOffset === U32_MAX };
  if (wanted.unpacked || wanted.packed || wanted.offset) {
    const values = zip64Values(data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), wanted);
    if (wanted.unpacked) unpackedSize = values.shift() as number;
    if (wanted.packed) packedSize = values.shift() as number;
    if (wanted.offset) localOffset = values.shift() as number;
  }
  return { entry: { path, method: data.readUInt16LE(at + 10), packedSize, unpackedSize, localOffset }, next };
}

/** The entries the central directory lists, each checked for a path that could escape and for links. */
export function zipEntries(data: Buffer): ZipEntry[] {
  const directory = directoryOf(data);
  if (directory.count > ARCHIVE_LIMITS.entries) throw refuseArchive(`has more than ${ARCHIVE_LIMITS.entries} entries`);
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    const { entry, next } = readEntry(data, at, directory.end);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
function packedBytes(data: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw invalid('an entry is damaged');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.packedSize > data.length) throw invalid('an entry is cut short');
  return data.subarray(start, start + entry.packedSize);
}

/**
 * The sizes in the directory are only claims, so each entry is also unpacked, with a cap at
 * its claimed size: an entry that unpacks to more (or less) than it claims is refused.
 */
async function checkClaimedSize(data: Buffer, entry: ZipEntry): Promise<void> {
  const packed = packedBytes(data, entry);
  const mismatch = () => refuseArchive('is an archive bomb: an entry unpacks to more than its header says');
  if (entry.method === STORED) {
    if (entry.packedSize !== entry.unpackedSize) throw mismatch();
    return;
  }
  if (entry.method !== DEFLATED) throw refuseArchive('uses a zip compression method other than deflate');
  const size = await inflatedSize('deflate', packed, entry.unpackedSize, mismatch);
  if (size !== entry.unpackedSize) throw invalid('an entry is shorter than its header says');
}

/** Refuses a zip whose entries could escape the folder it is unpacked into, or that unpacks to far more than it weighs. */
export async function inspectZip(data: Buffer): Promise<void> {
  const entries = zipEntries(data);
  const unpacked = entries.reduce((sum, entry) => sum + entry.unpackedSize, 0);
  if (unpacked > ARCHIVE_LIMITS.unpackedBytes)
    throw refuseArchive(`is an archive bomb: it unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes / 1024 / 1024} MB`);
  if (unpacked > unpackBudget(data.length)) throw refuseArchive(`is an archive bomb: it unpacks to more than ${ARCHIVE_LIMITS.ratio} times its size`);
  for (const entry of entries) await checkClaimedSize(data, entry);
}
