import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { userSummary } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import { type CompanyView, companyView } from './company-view.ts';
import { verifiedDomainOf } from './email-domain.ts';
import { membershipOf, requireNoCompany } from './membership.ts';
import { company } from './schema.ts';

export interface NewCompany {
  name: string;
  country: string;
  language: string;
  domain?: string;
}

export const domainTaken = () => problems.conflict('domain-taken', 'Another company has verified this domain');

export async function ensureDomainFree(deps: Pick<Deps, 'db'>, domain: string, companyId?: string): Promise<void> {
  const [holder] = await deps.db.select({ id: company.id }).from(company).where(eq(company.domain, domain));
  if (holder && holder.id !== companyId) throw domainTaken();
}

/** ORG-1: whoever registers a company is its first administrator (the plugin's creator role, `owner`). */
export async function registerCompany(auth: Auth, deps: Pick<Deps, 'db'>, userId: string, input: NewCompany): Promise<CompanyView> {
  await requireNoCompany(deps, userId);
  const user = await userSummary(deps, userId);
  if (!user || user.deleted) throw problems.unauthenticated();
  const domain = input.domain === undefined ? undefined : verifiedDomainOf(user, input.domain);
  if (domain) await ensureDomainFree(deps, domain);
  const slug = randomUUID();
  const body = { name: input.name.trim(), slug, userId, country: input.country.toUpperCase(), language: input.language, keepCurrentActiveOrganization: true };
  try {
    const created = await auth.api.createOrganization({ body });
    if (domain) await deps.db.update(company).set({ domain }).where(eq(company.id, created.id));
  } catch (error) {
    // The plugin writes the company and then its first member; a race that loses the second
    // (one company per person, or the domain) must not leave a company nobody administers.
    await deps.db.delete(company).where(eq(company.slug, slug));
    if (await membershipOf(deps, userId)) throw companyProblems.alreadyInCompany();
    if (domain) await ensureDomainFree(deps, domain);
    throw error;
  }
  const membership = await membershipOf(deps, userId);
  if (!membership) throw companyProblems.noCompany();
  return companyView(deps, membership);
}
