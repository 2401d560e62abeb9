import { eq } from 'drizzle-orm';
import { type BlobContext, isBlobId } from './blob-context.ts';
import { blob } from './schema.ts';

/**
 * Removes the row first: with it goes the only copy of the data key, so the file is already
 * unreadable even if removing the object then fails. Deleting a missing blob is not an error.
 */
export async function deleteBlob(ctx: BlobContext, blobId: string): Promise<void> {
  if (!isBlobId(blobId)) return;
  const [row] = await ctx.db.delete(blob).where(eq(blob.id, blobId)).returning({ objectKey: blob.objectKey });
  if (row) await ctx.store.delete(row.objectKey);
}
