import { count, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { handledRequest, messageView, ownRequest } from './request-view.ts';
import { type SupportRequestStatus, supportMessage, supportRequest } from './schema.ts';

/** Enough for any real conversation; beyond it a request is misused as a chat log. */
export const MAX_MESSAGES_PER_REQUEST = 500;

export const requestClosed = () => new Problem(409, 'request-closed', 'This request is closed; open a new one');

interface Message {
  requestId: string;
  /** The customer whose conversation it is, whoever writes. */
  userId: string;
  authorId: string;
  authorKind: 'customer' | 'staff';
  body: string;
  internal: boolean;
  /** The status the request moves to, or null to leave status and update time alone. */
  nextStatus: SupportRequestStatus | null;
}

async function appendMessage(deps: Pick<Deps, 'db' | 'clock'>, message: Message) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Locks the request so a close and a reply cannot cross.
    const [request] = await tx.select({ status: supportRequest.status }).from(supportRequest).where(eq(supportRequest.id, message.requestId)).for('update');
    if (request?.status === 'closed') throw requestClosed();
    const [{ total }] = await tx.select({ total: count() }).from(supportMessage).where(eq(supportMessage.requestId, message.requestId));
    if (total >= MAX_MESSAGES_PER_REQUEST) throw new Problem(409, 'too-many-messages', 'This request has as many messages as it may; open a new one');
    const { nextStatus, ...fields } = message;
    const [row] = await tx
      .insert(supportMessage)
      .values({ ...fields, createdAt: now })
      .returning();
    if (nextStatus) await tx.update(supportRequest).set({ status: nextStatus, updatedAt: now }).where(eq(supportRequest.id, message.requestId));
    return row;
  });
}

/** The customer answers: the request is open again, even when it was solved. */
export async function postCustomerMessage(deps: Pick<Deps, 'db' | 'clock'>, userId: string, requestId: string, body: string) {
  await ownRequest(deps, userId, requestId);
  const row = await appendMessage(deps, { requestId, userId, authorId: userId, authorKind: 'customer', body, internal: false, nextStatus: 'open' });
  return messageView(row);
}

/**
 * An agent answers, and the request waits on the customer; an internal note changes neither
 * status nor the time the customer sees as last updated.
 */
export async function postStaffMessage(deps: Pick<Deps, 'db' | 'clock'>, staffId: string, requestId: string, input: { body: string; internal: boolean }) {
  const request = await handledRequest(deps, staffId, requestId);
  const row = await appendMessage(deps, {
    requestId,
    userId: request.userId,
    authorId: staffId,
    authorKind: 'staff',
    body: input.body,
    internal: input.internal,
    nextStatus: input.internal ? null : 'waiting-on-customer',
  });
  return { ...messageView(row), internal: row.internal };
}
