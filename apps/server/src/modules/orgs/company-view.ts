import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { companyProblems } from './company-problems.ts';
import type { Membership } from './membership.ts';
import { company } from './schema.ts';

export interface CompanyView {
  id: string;
  name: string;
  country: string | null;
  language: string | null;
  domain: string | null;
  supportRequestsShared: boolean;
  blocked: boolean;
  role: string;
  createdAt: string;
}

export async function companyView(deps: Pick<Deps, 'db'>, membership: Membership): Promise<CompanyView> {
  const [row] = await deps.db.select().from(company).where(eq(company.id, membership.companyId));
  if (!row) throw companyProblems.noCompany();
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    language: row.language,
    domain: row.domain,
    supportRequestsShared: row.supportRequestsShared,
    blocked: row.blockedAt !== null,
    role: membership.role,
    createdAt: row.createdAt.toISOString(),
  };
}
