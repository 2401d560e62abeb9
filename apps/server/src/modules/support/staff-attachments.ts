import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { listAttachments } from './list-attachments.ts';
import { attachmentOf, openAttachment } from './open-attachment.ts';
import { requestHandledBy } from './request-access.ts';
import { supportRequest } from './schema.ts';

export interface StaffRead {
  staffId: string;
  requestId: string;
  reason: string;
}

/** The request's owner, when this staff member handles it (SUP-6); anyone else gets a missing request. */
async function ownerOfHandled(deps: Pick<Deps, 'db'>, read: StaffRead): Promise<string> {
  if (!(await requestHandledBy(deps, read.requestId, read.staffId))) throw problems.notFound('support request');
  const [row] = await deps.db.select({ userId: supportRequest.userId }).from(supportRequest).where(eq(supportRequest.id, read.requestId));
  if (!row) throw problems.notFound('support request');
  return row.userId;
}

/** The list of a request's files for its handler; every listing is audited. */
export async function staffListAttachments(deps: Deps, read: StaffRead) {
  const ownerId = await ownerOfHandled(deps, read);
  await deps.audit.record({
    actorId: read.staffId,
    action: 'support.attachment.list',
    reason: read.reason,
    subjectUserId: ownerId,
    details: { requestId: read.requestId },
  });
  return listAttachments(deps, read.requestId);
}

/** One file for the request's handler; recorded in the audit log before a byte is served. */
export async function staffOpenAttachment(deps: Deps, read: StaffRead, attachmentId: string) {
  const ownerId = await ownerOfHandled(deps, read);
  await attachmentOf(deps, read.requestId, attachmentId);
  await deps.audit.record({
    actorId: read.staffId,
    action: 'support.attachment.download',
    reason: read.reason,
    subjectUserId: ownerId,
    details: { requestId: read.requestId, attachmentId },
  });
  return openAttachment(deps, read.requestId, attachmentId);
}
