import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { userSummary } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import { type CompanyView, companyView } from './company-view.ts';
import { emailDomain, verifiedDomainOf } from './email-domain.ts';
import { joinCompany } from './join-company.ts';
import { type Membership, requireNoCompany } from './membership.ts';
import { ensureDomainFree } from './register-company.ts';
import { company } from './schema.ts';

/** An administrator sets (or clears, with null) the domain whose verified addresses may join. */
export async function setCompanyDomain(deps: Pick<Deps, 'db'>, admin: Membership & { userId: string }, domain: string | null): Promise<CompanyView> {
  let verified: string | null = null;
  if (domain !== null) {
    const user = await userSummary(deps, admin.userId);
    if (!user) throw problems.unauthenticated();
    verified = verifiedDomainOf(user, domain);
    await ensureDomainFree(deps, verified, admin.companyId);
  }
  await deps.db.update(company).set({ domain: verified }).where(eq(company.id, admin.companyId));
  return companyView(deps, admin);
}

async function companyForAddress(deps: Pick<Deps, 'db'>, userId: string) {
  const user = await userSummary(deps, userId);
  if (!user?.emailVerified) throw problems.notFound('company');
  const [row] = await deps.db
    .select({ id: company.id, name: company.name, blockedAt: company.blockedAt })
    .from(company)
    .where(eq(company.domain, emailDomain(user.email)));
  if (!row) throw problems.notFound('company');
  return { user, company: row };
}

/** The company the caller's verified address lets them join, if its domain is verified and it is not blocked. */
export async function joinableCompany(deps: Pick<Deps, 'db'>, userId: string): Promise<{ id: string; name: string }> {
  const found = await companyForAddress(deps, userId);
  if (found.company.blockedAt) throw companyProblems.blocked();
  return { id: found.company.id, name: found.company.name };
}

export async function joinByDomain(deps: Pick<Deps, 'db' | 'clock' | 'mailer'>, userId: string, companyId: string): Promise<CompanyView> {
  const found = await companyForAddress(deps, userId);
  if (found.company.id !== companyId) throw problems.notFound('company');
  if (found.company.blockedAt) throw companyProblems.blocked();
  await requireNoCompany(deps, userId);
  return joinCompany(deps, { companyId, joiner: found.user, role: 'member', via: 'domain' });
}
