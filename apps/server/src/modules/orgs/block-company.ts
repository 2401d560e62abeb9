import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { type CompanyView, companyView } from './company-view.ts';
import type { Membership } from './membership.ts';
import { company } from './schema.ts';

/**
 * ORG-3: blocking stops every member's use of the company's resources at once; their personal
 * accounts, sessions included, are untouched, so unblocking needs nothing restored.
 */
export async function setCompanyBlocked(deps: Pick<Deps, 'db' | 'clock'>, admin: Membership, blocked: boolean): Promise<CompanyView> {
  await deps.db
    .update(company)
    .set({ blockedAt: blocked ? deps.clock.now() : null })
    .where(eq(company.id, admin.companyId));
  return companyView(deps, { ...admin, blocked });
}
