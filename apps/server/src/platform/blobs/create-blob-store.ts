import type { Readable } from 'node:stream';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/pool.ts';
import type { BlobContext } from './blob-context.ts';
import { deleteBlob } from './delete-blob.ts';
import type { ObjectStore } from './object-store.ts';
import { type BlobMeta, openBlob } from './open-blob.ts';
import { type PutBlobInput, putBlob, type StoredBlob } from './put-blob.ts';
import { destroySubjectKey, subjectWrappingKey } from './subject-keys.ts';

export interface BlobStore {
  put(input: PutBlobInput): Promise<StoredBlob>;
  /** Throws problems.notFound for another subject's file, and 410 'crypto-shredded' once the subject's key is gone. */
  open(blobId: string, owner: { subjectId: string }): Promise<{ meta: BlobMeta; stream: Readable }>;
  delete(blobId: string): Promise<void>;
  /** Makes every file of the subject unreadable, in every copy; refuses new files for them. */
  destroySubjectKey(subjectId: string): Promise<void>;
}

export interface BlobStoreOptions {
  db: Db;
  store: ObjectStore;
  masterKey: Buffer;
  clock: Clock;
}

/** Files encrypted at rest: a fresh data key per file, sealed under its subject's key. */
export function createBlobStore({ db, store, masterKey, clock }: BlobStoreOptions): BlobStore {
  const ctx: BlobContext = { db, store, clock, wrappingKey: subjectWrappingKey(masterKey) };
  return {
    put: (input) => putBlob(ctx, input),
    open: (blobId, owner) => openBlob(ctx, blobId, owner),
    delete: (blobId) => deleteBlob(ctx, blobId),
    destroySubjectKey: (subjectId) => destroySubjectKey(db, clock, subjectId),
  };
}
