import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { supportAgent, supportRequest } from './schema.ts';

/** Whether the request was opened by this customer. */
export async function requestOwnedBy(deps: Pick<Deps, 'db'>, requestId: string, userId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: supportRequest.id })
    .from(supportRequest)
    .where(and(eq(supportRequest.id, requestId), eq(supportRequest.userId, userId)));
  return row !== undefined;
}

/** Whether this staff member handles the request: an agent of the department it is routed to (SUP-6, DIAG-5). */
export async function requestHandledBy(deps: Pick<Deps, 'db'>, requestId: string, staffUserId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: supportRequest.id })
    .from(supportRequest)
    .innerJoin(supportAgent, and(eq(supportAgent.departmentId, supportRequest.departmentId), eq(supportAgent.userId, staffUserId)))
    .where(eq(supportRequest.id, requestId));
  return row !== undefined;
}
