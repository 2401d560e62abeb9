import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { addMonths } from './calendar.ts';
import { privacyRequest, type RequestKind, type RequestStatus } from './schema.ts';

export type PrivacyRequest = typeof privacyRequest.$inferSelect;
export const OPEN_STATUSES: RequestStatus[] = ['open', 'verified', 'in-progress'];

/**
 * Opens a request with its one-month deadline (RIGHT-4). A signed-in caller with a fresh
 * session is already verified (RIGHT-3), so self-service requests start as verified.
 */
export async function openRequest(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  kind: RequestKind,
  options: { status?: RequestStatus; details?: Record<string, unknown> } = {},
): Promise<PrivacyRequest> {
  const now = deps.clock.now();
  const status = options.status ?? 'verified';
  const [row] = await deps.db
    .insert(privacyRequest)
    .values({ userId, kind, status, openedAt: now, verifiedAt: status === 'open' ? null : now, dueAt: addMonths(now, 1), details: options.details ?? null })
    .returning();
  return row;
}

export async function setRequestStatus(deps: Pick<Deps, 'db' | 'clock'>, requestId: string, status: RequestStatus): Promise<void> {
  const closing = status === 'done' || status === 'refused';
  await deps.db
    .update(privacyRequest)
    .set({ status, ...(closing ? { closedAt: deps.clock.now() } : {}) })
    .where(eq(privacyRequest.id, requestId));
}

/** A self-service action that is carried out at once is opened and closed in one go, so the history is complete. */
export async function recordDoneRequest(deps: Pick<Deps, 'db' | 'clock'>, userId: string, kind: RequestKind, details?: Record<string, unknown>) {
  const request = await openRequest(deps, userId, kind, { details });
  await setRequestStatus(deps, request.id, 'done');
  return request;
}

export async function requestById(deps: Pick<Deps, 'db'>, requestId: string): Promise<PrivacyRequest> {
  const [row] = await deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, requestId));
  if (!row) throw problems.notFound('request');
  return row;
}

export const MAX_HISTORY = 200;

/** The person's own requests, newest first. */
export async function requestHistory(deps: Pick<Deps, 'db'>, userId: string): Promise<PrivacyRequest[]> {
  return deps.db.select().from(privacyRequest).where(eq(privacyRequest.userId, userId)).orderBy(desc(privacyRequest.openedAt)).limit(MAX_HISTORY);
}

export async function countOpen(deps: Pick<Deps, 'db'>, userId: string, kind: RequestKind): Promise<number> {
  const rows = await deps.db
    .select({ id: privacyRequest.id })
    .from(privacyRequest)
    .where(and(eq(privacyRequest.userId, userId), eq(privacyRequest.kind, kind), inArray(privacyRequest.status, OPEN_STATUSES)));
  return rows.length;
}

/** The deadline in force: the extended one when there is one. */
export function deadlineOf(request: Pick<PrivacyRequest, 'dueAt' | 'extendedUntil'>): Date {
  return request.extendedUntil ?? request.dueAt;
}
