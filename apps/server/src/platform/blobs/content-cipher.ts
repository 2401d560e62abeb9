import { type CipherGCM, createHash, type DecipherGCM } from 'node:crypto';
import type { Readable } from 'node:stream';
import { problems } from '../errors.ts';
import { blobProblems } from './blob-problems.ts';

export type BlobData = Buffer | Readable | AsyncIterable<Uint8Array | string>;

export interface Meter {
  size: number;
  sha256: string;
}

function asChunks(data: BlobData): AsyncIterable<Uint8Array | string> | Iterable<Buffer> {
  return Buffer.isBuffer(data) ? [data] : data;
}

/**
 * Encrypts chunk by chunk as the store pulls, so a large file is never held whole. Counts and
 * hashes the plaintext on the way, and throws before passing on the chunk that crosses
 * maxBytes, so the store's write fails and keeps nothing. `meter` is filled in at the end.
 */
export async function* encryptChunks(data: BlobData, cipher: CipherGCM, maxBytes: number, meter: Meter): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of asChunks(data)) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > maxBytes) throw problems.tooLarge(`files may be at most ${maxBytes} bytes`);
    hash.update(bytes);
    yield cipher.update(bytes);
  }
  yield cipher.final();
  meter.size = size;
  meter.sha256 = hash.digest('hex');
}

/**
 * Decrypts as the reader pulls. GCM checks the tag only at the end, so a reader receives the
 * bytes before it is known they are genuine; an altered file ends in an error instead of a
 * clean end, and a reader must not act on a file whose stream did not end cleanly.
 */
export async function* decryptChunks(source: Readable, decipher: DecipherGCM): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield decipher.update(chunk as Buffer);
  try {
    yield decipher.final();
  } catch {
    throw blobProblems.corrupt();
  }
}
