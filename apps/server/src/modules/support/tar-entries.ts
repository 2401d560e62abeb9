import { checkEntryPath, refuseArchive } from './archive-paths.ts';
import { ARCHIVE_LIMITS } from './upload-limits.ts';

const BLOCK = 512;
// Regular files, directories and contiguous files; links, devices and pipes are refused.
const PLAIN_TYPES = new Set(['0', '\0', '5', '7']);
const LINK_TYPES = new Set(['1', '2']);
// Extension headers whose data names the next entry: pax (x, g) and GNU long names (L, K).
const META_TYPES = new Set(['x', 'g', 'L', 'K']);

const invalid = (why: string) => refuseArchive(`is not a valid tar archive: ${why}`);

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  if (block[start] & 0x80) throw refuseArchive('has a tar entry too large to accept');
  const digits = text(block, start, length).trim();
  if (!/^[0-7]*$/.test(digits)) throw invalid('a header field is not a number');
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

function checkSum(block: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  if (sum !== octal(block, 148, 8)) throw invalid('a header is damaged');
}

/** The paths a pax record set names: `path` and `linkpath`. */
function paxPaths(data: Buffer): string[] {
  const paths: string[] = [];
  for (const line of data.toString('utf8').split('\n')) {
    const match = /^\d+ (path|linkpath)=(.*)$/s.exec(line);
    if (match) paths.push(match[2]);
  }
  return paths;
}

/**
 * Walks the headers of a tar stream as it is unpacked, chunk by chunk, without keeping the
 * files: each entry's path is checked, and links or special files are refused.
 */
export class TarWalker {
  private header = Buffer.alloc(0);
  private dataLeft = 0;
  private paddingLeft = 0;
  private meta: { type: string; chunks: Buffer[] } | null = null;
  private entries = 0;
  private ended = false;

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.dataLeft > 0) {
        const n = Math.min(this.dataLeft, chunk.length - at);
        this.meta?.chunks.push(chunk.subarray(at, at + n));
        this.dataLeft -= n;
        at += n;
        if (this.dataLeft === 0) this.endMeta();
      } else if (this.paddingLeft > 0) {
        const n = Math.min(this.paddingLeft, chunk.length - at);
        this.paddingLeft -= n;
        at += n;
      } else {
        const n = Math.min(BLOCK - this.header.length, chunk.length - at);
        this.header = Buffer.concat([this.header, chunk.subarray(at, at + n)]);
        at += n;
        if (this.header.length === BLOCK) this.readHeader();
      }
    }
  }

  finish(): void {
    if (this.ended) return;
    if (this.header.length > 0 || this.dataLeft > 0 || this.paddingLeft > 0) throw invalid('it is cut short');
  }

  private readHeader(): void {
    const block = this.header;
    this.header = Buffer.alloc(0);
    if (block.every((byte) => byte === 0)) {
      this.ended = true;
      return;
    }
    checkSum(block);
    const type = String.fromCharCode(block[156]);
    const size = octal(block, 124, 12);
    this.dataLeft = size;
    this.paddingLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (META_TYPES.has(type)) {
      if (size > ARCHIVE_LIMITS.tarMetaBytes) throw invalid('an extension header is too long');
      this.meta = { type, chunks: [] };
      if (size === 0) this.endMeta();
      return;
    }
    if (LINK_TYPES.has(type)) throw refuseArchive('a tar entry is a link');
    if (!PLAIN_TYPES.has(type)) throw refuseArchive('a tar entry is a device, pipe or other special file');
    if (++this.entries > ARCHIVE_LIMITS.entries) throw refuseArchive(`has more than ${ARCHIVE_LIMITS.entries} entries`);
    const name = text(block, 0, 100);
    const prefix = text(block, 257, 6) === 'ustar' ? text(block, 345, 155) : '';
    checkEntryPath('tar', prefix ? `${prefix}/${name}` : name);
  }

  private endMeta(): void {
    if (!this.meta) return;
    const data = Buffer.concat(this.meta.chunks);
    const type = this.meta.type;
    this.meta = null;
    const paths = type === 'x' || type === 'g' ? paxPaths(data) : [text(data, 0, data.length)];
    for (const path of paths) checkEntryPath('tar', path);
  }
}

/** Whether a block is a ustar or GNU tar header, for a .gz file whose name does not say. */
export function looksLikeTar(firstBlock: Buffer): boolean {
  return firstBlock.length >= BLOCK && text(firstBlock, 257, 5) === 'ustar';
}
