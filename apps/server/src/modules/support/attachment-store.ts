import { type BlobStore, createBlobStore } from '../../platform/blobs/create-blob-store.ts';
import { openObjectStore } from '../../platform/blobs/open-object-store.ts';
import type { Deps } from '../../platform/deps.ts';

/** Attachments are blobs of the request's owner, so erasing the account crypto-shreds them. */
export const ATTACHMENT_PURPOSE = 'support-attachment';

export function attachmentBlobs(deps: Pick<Deps, 'db' | 'config' | 'clock'>): BlobStore {
  return createBlobStore({ db: deps.db, store: openObjectStore(deps.config), masterKey: deps.config.masterKey, clock: deps.clock });
}
