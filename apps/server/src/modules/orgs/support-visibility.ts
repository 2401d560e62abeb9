import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { isAdministrator, membershipOf } from './membership.ts';
import { company } from './schema.ts';

/**
 * SUP-4, for the support module: may `viewerId` see the support requests of colleague
 * `authorId`? Only within one company that is not blocked, and then an administrator always
 * may, a colleague only when the administrator shared requests. A person's own requests are
 * the support module's business, not this.
 */
export async function maySeeColleagueRequests(deps: Pick<Deps, 'db'>, viewerId: string, authorId: string): Promise<boolean> {
  if (viewerId === authorId) return false;
  const [viewer, author] = await Promise.all([membershipOf(deps, viewerId), membershipOf(deps, authorId)]);
  if (!viewer || !author || viewer.companyId !== author.companyId || viewer.blocked) return false;
  if (isAdministrator(viewer.role)) return true;
  const [row] = await deps.db.select({ shared: company.supportRequestsShared }).from(company).where(eq(company.id, viewer.companyId));
  return row?.shared ?? false;
}
