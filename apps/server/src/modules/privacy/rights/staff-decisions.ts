import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { addMonths } from './calendar.ts';
import { OPEN_STATUSES, type PrivacyRequest, requestById } from './requests.ts';
import { rightsMessages } from './rights-messages.ts';
import { privacyRequest } from './schema.ts';

interface Staff {
  userId: string;
}

async function openRequestOf(deps: Deps, requestId: string): Promise<PrivacyRequest> {
  const request = await requestById(deps, requestId);
  if (!OPEN_STATUSES.includes(request.status)) throw problems.conflict('request-closed', 'This request is already closed');
  return request;
}

/** Guards against a concurrent decision: the update applies only while the request is still open. */
async function updateOpen(deps: Deps, requestId: string, set: Partial<PrivacyRequest>): Promise<void> {
  const rows = await deps.db
    .update(privacyRequest)
    .set(set)
    .where(and(eq(privacyRequest.id, requestId), inArray(privacyRequest.status, OPEN_STATUSES)))
    .returning({ id: privacyRequest.id });
  if (rows.length === 0) throw problems.conflict('request-closed', 'This request is already closed');
}

/** RIGHT-4: at most two further months past the one-month deadline, with a reason the requester is told. */
export async function extendRequest(deps: Deps, staff: Staff, requestId: string, until: Date, reason: string): Promise<void> {
  const request = await openRequestOf(deps, requestId);
  const limit = addMonths(request.dueAt, 2);
  const current = request.extendedUntil ?? request.dueAt;
  if (until.getTime() <= current.getTime()) throw problems.invalidField('until', 'must be later than the current deadline');
  if (until.getTime() > limit.getTime()) throw problems.invalidField('until', `may be at most two months past the original deadline (${limit.toISOString()})`);
  await updateOpen(deps, requestId, { extendedUntil: until, extensionReason: reason, status: 'in-progress' });
  await deps.audit.record({ actorId: staff.userId, action: 'privacy-request.extend', reason, subjectUserId: request.userId, details: { requestId } });
  await rightsMessages(deps).extended(request.userId, until, reason);
}

/** RIGHT-5: refusal needs a lawful ground and a reason, both recorded and sent to the requester. */
export async function refuseRequest(deps: Deps, staff: Staff, requestId: string, ground: 'manifestly-unfounded' | 'repetitive', reason: string) {
  const request = await openRequestOf(deps, requestId);
  await updateOpen(deps, requestId, { status: 'refused', refusalGround: ground, refusalReason: reason, closedAt: deps.clock.now() });
  await deps.audit.record({ actorId: staff.userId, action: 'privacy-request.refuse', reason, subjectUserId: request.userId, details: { requestId, ground } });
  await rightsMessages(deps).refused(request.userId, reason);
}

export async function completeRequest(deps: Deps, staff: Staff, requestId: string): Promise<void> {
  const request = await openRequestOf(deps, requestId);
  await updateOpen(deps, requestId, { status: 'done', closedAt: deps.clock.now() });
  await deps.audit.record({
    actorId: staff.userId,
    action: 'privacy-request.complete',
    reason: 'Request handled',
    subjectUserId: request.userId,
    details: { requestId },
  });
  await rightsMessages(deps).completed(request.userId);
}
