import type { Clock } from '../clock.ts';
import type { Db } from '../db/pool.ts';
import { isUuid } from '../uuid.ts';
import type { ObjectStore } from './object-store.ts';

/** What the blob functions share; the wrapping key is derived once from the master key. */
export interface BlobContext {
  db: Db;
  store: ObjectStore;
  clock: Clock;
  wrappingKey: Buffer;
}

// Each sealed value names what it belongs to, so it opens only there.
export const dataKeyAad = (blobId: string) => `blob-data-key:${blobId}`;
export const fileNameAad = (blobId: string) => `blob-file-name:${blobId}`;
export const contentAad = (blobId: string) => `blob-content:${blobId}`;

/** An id that is not a uuid cannot name a blob; checked here so it never reaches the database. */
export function isBlobId(value: unknown): value is string {
  return isUuid(value);
}
