import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { AttachmentView } from './add-attachment.ts';
import { attachmentBlobs } from './attachment-store.ts';
import { supportAttachment } from './schema.ts';

/** The request's files with the names their owner gave them, which only the blob store can unseal. */
export async function listAttachments(deps: Pick<Deps, 'db' | 'config' | 'clock'>, requestId: string): Promise<AttachmentView[]> {
  const rows = await deps.db
    .select()
    .from(supportAttachment)
    .where(eq(supportAttachment.requestId, requestId))
    .orderBy(asc(supportAttachment.createdAt), asc(supportAttachment.id));
  const blobs = attachmentBlobs(deps);
  const views: AttachmentView[] = [];
  for (const row of rows) {
    const { meta, stream } = await blobs.open(row.blobId, { subjectId: row.userId });
    // Only the description is wanted; closing the stream unread releases the stored object.
    stream.destroy();
    views.push({ id: row.id, fileName: meta.fileName, size: meta.size, contentType: meta.contentType, createdAt: row.createdAt.toISOString() });
  }
  return views;
}
