import { desc, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { colleaguesWithVisibleRequests } from '../orgs/support-visibility.ts';
import { supportRequest } from './schema.ts';

/** More than anyone opens at the rate allowed; the list stays one page. */
export const MAX_LISTED_REQUESTS = 500;

/** The customer's own requests and those of colleagues the company lets them see (SUP-4), most recently active first. */
export async function listRequests(deps: Pick<Deps, 'db'>, userId: string) {
  const rows = await deps.db
    .select({
      id: supportRequest.id,
      number: supportRequest.number,
      subject: supportRequest.subject,
      status: supportRequest.status,
      createdAt: supportRequest.createdAt,
      updatedAt: supportRequest.updatedAt,
      userId: supportRequest.userId,
    })
    .from(supportRequest)
    .where(inArray(supportRequest.userId, [userId, ...(await colleaguesWithVisibleRequests(deps, userId))]))
    .orderBy(desc(supportRequest.updatedAt))
    .limit(MAX_LISTED_REQUESTS);
  return rows.map(({ userId: author, ...r }) => ({
    ...r,
    mine: author === userId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
