import { createGunzip, createInflateRaw } from 'node:zlib';
import { Problem } from '../../platform/errors.ts';
import { refuseArchive } from './archive-paths.ts';

/**
 * Decompresses as the reader pulls and stops the moment the output passes `limit`, so an
 * archive bomb is refused after at most `limit` bytes, never unpacked whole.
 */
export async function* inflateWithin(format: 'gzip' | 'deflate', data: Buffer, limit: number, overLimit: () => Problem): AsyncGenerator<Buffer> {
  const stream = format === 'gzip' ? createGunzip() : createInflateRaw();
  stream.end(data);
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw overLimit();
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw refuseArchive(`is not a valid ${format === 'gzip' ? 'gzip file' : 'zip archive'}: its compressed data is damaged`);
  } finally {
    stream.destroy();
  }
}

/** How many bytes the data unpacks to, refusing once it passes `limit`. */
export async function inflatedSize(format: 'gzip' | 'deflate', data: Buffer, limit: number, overLimit: () => Problem): Promise<number> {
  let size = 0;
  for await (const chunk of inflateWithin(format, data, limit, overLimit)) size += chunk.length;
  return size;
}
