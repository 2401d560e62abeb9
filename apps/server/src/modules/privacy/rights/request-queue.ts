import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { daysLeft } from './calendar.ts';
import { deadlineOf, OPEN_STATUSES, type PrivacyRequest } from './requests.ts';
import { privacyRequest } from './schema.ts';

export const QUEUE_LIMIT = 200;
const SOON_DAYS = 7;

export type Urgency = 'overdue' | 'due-soon' | 'later';

function urgency(days: number, deadline: Date, now: Date): Urgency {
  if (deadline.getTime() < now.getTime()) return 'overdue';
  return days < SOON_DAYS ? 'due-soon' : 'later';
}

/**
 * The DPO's queue of open requests: overdue first, then those due within 7 days, then the rest.
 * Ordering by the deadline in force gives exactly that order. Reading it is audited per subject,
 * since a correction request quotes what the person wrote.
 */
export async function requestQueue(deps: Deps, staff: { userId: string }, options: { limit: number; userId?: string }) {
  const now = deps.clock.now();
  const rows: PrivacyRequest[] = await deps.db
    .select()
    .from(privacyRequest)
    .where(and(inArray(privacyRequest.status, OPEN_STATUSES), options.userId ? eq(privacyRequest.userId, options.userId) : undefined))
    .orderBy(asc(sql`coalesce(${privacyRequest.extendedUntil}, ${privacyRequest.dueAt})`), asc(privacyRequest.openedAt))
    .limit(Math.min(options.limit, QUEUE_LIMIT));
  for (const subject of new Set(rows.map((r) => r.userId))) {
    const requestIds = rows.filter((r) => r.userId === subject).map((r) => r.id);
    await deps.audit.record({
      actorId: staff.userId,
      action: 'privacy-request.read',
      reason: 'Answer data subject requests',
      subjectUserId: subject,
      details: { requestIds },
    });
  }
  return rows.map((row) => {
    const deadline = deadlineOf(row);
    const days = daysLeft(deadline, now);
    return { ...row, deadline, daysLeft: days, urgency: urgency(days, deadline, now) };
  });
}
