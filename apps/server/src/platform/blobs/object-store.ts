import type { Readable } from 'node:stream';
import { problems } from '../errors.ts';

/** Where ciphertext lives. It never sees a key or a plaintext byte. */
export interface ObjectStore {
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** Throws problems.notFound when there is no such object. */
  get(key: string): Promise<Readable>;
  /** Succeeds when the object is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

// Segments of letters, digits, _ and -, joined by single slashes: no dots at all, so no `..`,
// no leading slash, no empty segment; a key can never leave the store's folder or bucket prefix.
const KEY = /^[a-zA-Z0-9_-]+(\/[a-zA-Z0-9_-]+)*$/;

export function assertObjectKey(key: string): void {
  if (typeof key !== 'string' || key.length > 512 || !KEY.test(key) || key.includes('..')) {
    throw problems.invalidField('key', 'an object key is letters, digits, _ and - in segments joined by /');
  }
}
