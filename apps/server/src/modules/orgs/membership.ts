import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { companyProblems } from './company-problems.ts';
import { company, companyMember } from './schema.ts';

/**
 * `owner` registered the company (ORG-1); owners and admins are its administrators. A
 * `license-manager` is a member an administrator allowed to add the company's licenses (LIC-4).
 */
export const COMPANY_ROLES = ['owner', 'admin', 'license-manager', 'member'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];
export const ASSIGNABLE_ROLES = ['admin', 'license-manager', 'member'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface Membership {
  memberId: string;
  companyId: string;
  role: CompanyRole;
  blocked: boolean;
}

export const isAdministrator = (role: string) => role === 'owner' || role === 'admin';
export const mayAddLicenses = (role: string) => isAdministrator(role) || role === 'license-manager';

export const asAssignableRole = (role: string | null): AssignableRole =>
  (ASSIGNABLE_ROLES as readonly string[]).includes(role ?? '') ? (role as AssignableRole) : 'member';

/** The company the person belongs to, if any; other modules ask this before showing company resources. */
export async function membershipOf(deps: Pick<Deps, 'db'>, userId: string): Promise<Membership | null> {
  const [row] = await deps.db
    .select({ memberId: companyMember.id, companyId: companyMember.organizationId, role: companyMember.role, blockedAt: company.blockedAt })
    .from(companyMember)
    .innerJoin(company, eq(company.id, companyMember.organizationId))
    .where(eq(companyMember.userId, userId));
  if (!row) return null;
  return { memberId: row.memberId, companyId: row.companyId, role: row.role as CompanyRole, blocked: row.blockedAt !== null };
}

/** Who belongs to the company now, by account id; workspaces show roles only of these. */
export async function memberUserIds(deps: Pick<Deps, 'db'>, companyId: string): Promise<Set<string>> {
  const rows = await deps.db.select({ userId: companyMember.userId }).from(companyMember).where(eq(companyMember.organizationId, companyId));
  return new Set(rows.map((row) => row.userId));
}

/**
 * The caller's company for a company route: a blocked company answers `company-blocked` to
 * everyone (ORG-3), unless the route is one of the few that must work while blocked.
 */
export async function requireMembership(
  deps: Pick<Deps, 'db'>,
  userId: string,
  need: { administrator?: boolean; licenses?: boolean; whileBlocked?: boolean } = {},
): Promise<Membership> {
  const membership = await membershipOf(deps, userId);
  if (!membership) throw companyProblems.noCompany();
  if (membership.blocked && !need.whileBlocked) throw companyProblems.blocked();
  if (need.administrator && !isAdministrator(membership.role)) throw companyProblems.notAdministrator();
  if (need.licenses && !mayAddLicenses(membership.role)) throw companyProblems.notAdministrator();
  return membership;
}

/** Someone joining or registering a company must not belong to one already; a blocked one says so. */
export async function requireNoCompany(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  const membership = await membershipOf(deps, userId);
  if (membership?.blocked) throw companyProblems.blocked();
  if (membership) throw companyProblems.alreadyInCompany();
}
