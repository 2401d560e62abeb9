import { and, eq, notLike } from 'drizzle-orm';
import { type BlobStore, createBlobStore } from '../../../platform/blobs/create-blob-store.ts';
import { openObjectStore } from '../../../platform/blobs/open-object-store.ts';
import { blob } from '../../../platform/blobs/schema.ts';
import type { Deps } from '../../../platform/deps.ts';

/** Purposes of the export's own blobs, which are never part of a later export. */
export const EXPORT_PURPOSE = 'privacy-export';
export const EXPORT_PART_PURPOSE = 'privacy-export-part';

export function blobStoreOf(deps: Pick<Deps, 'db' | 'config' | 'clock'>): BlobStore {
  return createBlobStore({ db: deps.db, store: openObjectStore(deps.config), masterKey: deps.config.masterKey, clock: deps.clock });
}

/** Ids of the files the person gave us, oldest first. */
export async function subjectFileIds(deps: Pick<Deps, 'db'>, userId: string): Promise<string[]> {
  const rows = await deps.db
    .select({ id: blob.id })
    .from(blob)
    .where(and(eq(blob.subjectId, userId), notLike(blob.purpose, `${EXPORT_PURPOSE}%`)))
    .orderBy(blob.createdAt, blob.id);
  return rows.map((r) => r.id);
}

export async function readAll(stream: AsyncIterable<Buffer | Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('export larger than its limit');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
