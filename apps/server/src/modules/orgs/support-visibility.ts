import { and, eq, ne } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { isAdministrator, membershipOf } from './membership.ts';
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
  if (!viewer || !author || viewer.companyId !== author.companyId || viewer.blocked) return false;
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
  if (!viewer || viewer.blocked) return [];
  if (!isAdministrator(viewer.role)) {
    const [row] = await deps.db.select({ shared: company.supportRequestsShared }).from(company).where(eq(company.id, viewer.companyId));
    if (!row?.shared) return [];
  }
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
  const viewer = await membershipOf(deps, userId);
  if (!viewer) return null;
  const [row] = await deps.db.select({ country: company.country, language: company.language }).from(company).where(eq(company.id, viewer.companyId));
  return { companyId: viewer.companyId, country: row?.country ?? null, language: row?.language ?? null };
}
