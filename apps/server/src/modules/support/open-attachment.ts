import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isUuid } from '../../platform/uuid.ts';
import { attachmentBlobs } from './attachment-store.ts';
import { supportAttachment } from './schema.ts';

/** The attachment's row, only when it belongs to that request; anything else is missing. */
export async function attachmentOf(deps: Pick<Deps, 'db'>, requestId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) throw problems.notFound('attachment');
  const [row] = await deps.db
    .select()
    .from(supportAttachment)
    .where(and(eq(supportAttachment.id, attachmentId), eq(supportAttachment.requestId, requestId)));
  if (!row) throw problems.notFound('attachment');
  return row;
}

/** The decrypted file and its description, for a download. */
export async function openAttachment(deps: Pick<Deps, 'db' | 'config' | 'clock'>, requestId: string, attachmentId: string) {
  const row = await attachmentOf(deps, requestId, attachmentId);
  return attachmentBlobs(deps).open(row.blobId, { subjectId: row.userId });
}

/** A download is always saved, never shown inline; the name is given plain where safe and encoded always. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
