import { count, eq, sum } from 'drizzle-orm';
import { blob } from '../../platform/blobs/schema.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { ATTACHMENT_PURPOSE, attachmentBlobs } from './attachment-store.ts';
import { inspectUpload } from './inspect-upload.ts';
import { supportAttachment, supportRequest } from './schema.ts';
import { requireCurrentTerms } from './terms.ts';
import { ATTACHMENT_LIMITS } from './upload-limits.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AttachmentView {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: string;
}

const tooMany = () => problems.conflict('too-many-attachments', `A request may have at most ${ATTACHMENT_LIMITS.filesPerRequest} files`);
const tooMuch = () => problems.tooLarge(`the files of a request may total at most ${ATTACHMENT_LIMITS.bytesPerRequest} bytes`);
const closed = () => problems.conflict('request-closed', 'This request is closed; open a new one');

async function usage(db: Db | Tx, requestId: string): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({ files: count(), bytes: sum(blob.size) })
    .from(supportAttachment)
    .innerJoin(blob, eq(blob.id, supportAttachment.blobId))
    .where(eq(supportAttachment.requestId, requestId));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

/**
 * Everything that can refuse an upload before its bytes are read: the customer's own open
 * request, the terms in force accepted (SUP-2), and room left on the request.
 * Answers the accepted terms version the attachment will be recorded with.
 */
export async function prepareAttachment(deps: Pick<Deps, 'db'>, requestId: string, userId: string): Promise<string> {
  const [request] = await deps.db
    .select({ userId: supportRequest.userId, status: supportRequest.status })
    .from(supportRequest)
    .where(eq(supportRequest.id, requestId));
  if (!request || request.userId !== userId) throw problems.notFound('support request');
  const termsVersion = await requireCurrentTerms(deps, userId);
  if (request.status === 'closed') throw closed();
  const used = await usage(deps.db, requestId);
  if (used.files >= ATTACHMENT_LIMITS.filesPerRequest) throw tooMany();
  if (used.bytes >= ATTACHMENT_LIMITS.bytesPerRequest) throw tooMuch();
  return termsVersion;
}

export interface NewAttachment {
  requestId: string;
  userId: string;
  termsVersion: string;
  fileName: string;
  data: Buffer;
}

/**
 * Inspects the upload in memory, then stores it encrypted and records it. The request row is
 * locked while the limits are counted again, so two uploads at once cannot both take the last
 * place; a refusal after storing deletes the blob, so nothing is left behind.
 */
export async function addAttachment(deps: Pick<Deps, 'db' | 'config' | 'clock'>, input: NewAttachment): Promise<AttachmentView> {
  const { contentType } = await inspectUpload(input.fileName, input.data);
  const blobs = attachmentBlobs(deps);
  const stored = await blobs.put({
    subjectId: input.userId,
    purpose: ATTACHMENT_PURPOSE,
    fileName: input.fileName,
    contentType,
    data: input.data,
    maxBytes: ATTACHMENT_LIMITS.fileBytes,
  });
  try {
    const row = await deps.db.transaction(async (tx) => {
      const [request] = await tx.select({ status: supportRequest.status }).from(supportRequest).where(eq(supportRequest.id, input.requestId)).for('update');
      if (!request) throw problems.notFound('support request');
      if (request.status === 'closed') throw closed();
      const used = await usage(tx, input.requestId);
      if (used.files >= ATTACHMENT_LIMITS.filesPerRequest) throw tooMany();
      if (used.bytes + stored.size > ATTACHMENT_LIMITS.bytesPerRequest) throw tooMuch();
      const [inserted] = await tx
        .insert(supportAttachment)
        .values({ requestId: input.requestId, userId: input.userId, blobId: stored.id, termsVersion: input.termsVersion, createdAt: deps.clock.now() })
        .returning({ id: supportAttachment.id, createdAt: supportAttachment.createdAt });
      return inserted;
    });
    return { id: row.id, fileName: input.fileName, size: stored.size, contentType, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    await blobs.delete(stored.id);
    throw error;
  }
}
