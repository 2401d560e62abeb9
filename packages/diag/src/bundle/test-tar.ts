import { gzipSync } from 'node:zlib';

export type RawEntry = { path: string; data?: string | Buffer; type?: string; linkpath?: string };

function field(block: Buffer, value: string, start: number, length: number): void {
  block.write(value, start, length, 'utf8');
}

function octalField(block: Buffer, value: number, start: number, length: number): void {
  field(block, `${value.toString(8).padStart(length - 1, '0')}\0`, start, length);
}

/** Builds a ustar archive by hand so tests can make entries a normal tar writer never would (links, `..`, absolute paths). */
export function rawTar(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? '');
    const header = Buffer.alloc(512);
    field(header, entry.path, 0, 100);
    octalField(header, 0o600, 100, 8);
    octalField(header, 0, 108, 8);
    octalField(header, 0, 116, 8);
    octalField(header, data.length, 124, 12);
    octalField(header, 0, 136, 12);
    field(header, entry.type ?? '0', 156, 1);
    field(header, entry.linkpath ?? '', 157, 100);
    field(header, 'ustar\u000000', 257, 8);
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, `${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export function rawTarGz(entries: RawEntry[]): Buffer {
  return gzipSync(rawTar(entries));
}
