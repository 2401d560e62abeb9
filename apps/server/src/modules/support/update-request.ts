import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isAgentOf } from './departments.ts';
import { customerView, handledRequest, ownRequest, staffRequestView } from './request-view.ts';
import { type SupportRequestStatus, supportRequest } from './schema.ts';

/** The customer closes their request; closing twice leaves the first close time. */
export async function closeRequest(deps: Pick<Deps, 'db' | 'clock'>, userId: string, requestId: string) {
  const row = await ownRequest(deps, userId, requestId);
  if (row.status === 'closed') return customerView(deps, row);
  const now = deps.clock.now();
  const [closed] = await deps.db
    .update(supportRequest)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(eq(supportRequest.id, requestId))
    .returning();
  return customerView(deps, closed);
}

export interface StaffUpdate {
  status?: SupportRequestStatus;
  assigneeId?: string | null;
}

function statusFields(current: { status: SupportRequestStatus; closedAt: Date | null }, status: SupportRequestStatus | undefined, now: Date) {
  if (status === undefined || status === current.status) return {};
  return { status, closedAt: status === 'closed' ? now : null };
}

/** An agent changes status or assignee; a request is only ever assigned to an agent of its department. */
export async function updateRequest(deps: Pick<Deps, 'db' | 'clock' | 'audit'>, staffId: string, requestId: string, update: StaffUpdate, reason?: string) {
  const row = await handledRequest(deps, staffId, requestId);
  if (update.assigneeId && !(await isAgentOf(deps, update.assigneeId, row.departmentId)))
    throw problems.invalidField('assigneeId', 'is not an agent of the request’s department');
  const now = deps.clock.now();
  const fields = { ...statusFields(row, update.status, now), ...(update.assigneeId !== undefined ? { assigneeId: update.assigneeId } : {}) };
  if (Object.keys(fields).length > 0)
    await deps.db
      .update(supportRequest)
      .set({ ...fields, updatedAt: now })
      .where(eq(supportRequest.id, requestId));
  return staffRequestView(deps, staffId, requestId, reason);
}
