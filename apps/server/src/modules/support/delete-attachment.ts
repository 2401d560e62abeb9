import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { attachmentBlobs } from './attachment-store.ts';
import { attachmentOf } from './open-attachment.ts';
import { supportAttachment } from './schema.ts';

/** Removes the record, then the encrypted file with its key; the owner may do so even on a closed request. */
export async function deleteAttachment(deps: Pick<Deps, 'db' | 'config' | 'clock'>, requestId: string, attachmentId: string): Promise<void> {
  const row = await attachmentOf(deps, requestId, attachmentId);
  await deps.db.delete(supportAttachment).where(eq(supportAttachment.id, row.id));
  await attachmentBlobs(deps).delete(row.blobId);
}
