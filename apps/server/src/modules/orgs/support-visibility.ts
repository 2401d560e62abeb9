import { and, eq, ne } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { isAdministrator, type Membership, membershipOf } from './membership.ts';
import { company, companyMember } from './schema.ts';

/**
 * SUP-4, for the support module: may `viewerId` see the support requests of colleague
 * `authorId`? Only within one company that is not blocked, and then an administrator always
 * may, a colleague only when the administrator shared requests. A person's own requests are
 * the support module's business, not this.
 */
export async function maySeeColleagueRequests(deps: Pick<Deps, 'db'>, viewerId: string, authorId: string): Promise<boolean> {
  if (viewerId === authorId) return false;
  const [viewer, author] = await Promise.all([membershipOf(deps, viewerId), membershipOf(deps, authorId)]);
  if (!viewer || !author || viewer.companyId !== author.companyId) return false;
  return seesColleagueRequests(deps, viewer);
}

/** The rule itself: in a company that is not blocked, administrators always, colleagues when requests are shared. */
async function seesColleagueRequests(deps: Pick<Deps, 'db'>, viewer: Membership): Promise<boolean> {
  if (viewer.blocked) return false;
  if (isAdministrator(viewer.role)) return true;
  const [row] = await deps.db.select({ shared: company.supportRequestsShared }).from(company).where(eq(company.id, viewer.companyId));
  return row?.shared ?? false;
}

/**
 * The colleagues whose support requests `viewerId` may see (SUP-4), by the same rule as
 * `maySeeColleagueRequests`, for listing them in one query.
 */
export async function colleaguesWithVisibleRequests(deps: Pick<Deps, 'db'>, viewerId: string): Promise<string[]> {
  const viewer = await membershipOf(deps, viewerId);
  if (!viewer || !(await seesColleagueRequests(deps, viewer))) return [];
  const rows = await deps.db
    .select({ userId: companyMember.userId })
    .from(companyMember)
    .where(and(eq(companyMember.organizationId, viewer.companyId), ne(companyMember.userId, viewerId)));
  return rows.map((r) => r.userId);
}

/** What routes a member's support request (SUP-3): the company, its country and its language. */
export async function companyOfRequester(
  deps: Pick<Deps, 'db'>,
  userId: string,
): Promise<{ companyId: string; country: string | null; language: string | null } | null> {
  const [row] = await deps.db
    .select({ companyId: company.id, country: company.country, language: company.language })
    .from(companyMember)
    .innerJoin(company, eq(company.id, companyMember.organizationId))
    .where(eq(companyMember.userId, userId));
  return row ?? null;
}
