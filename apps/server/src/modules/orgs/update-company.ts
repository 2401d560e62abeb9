import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { type CompanyView, companyView } from './company-view.ts';
import type { Membership } from './membership.ts';
import { company } from './schema.ts';

export interface CompanyEdit {
  name?: string;
  country?: string;
  language?: string;
  supportRequestsShared?: boolean;
}

/** An administrator corrects the company's details, and chooses whether colleagues see each other's support requests (SUP-4). */
export async function updateCompany(deps: Pick<Deps, 'db'>, admin: Membership, edit: CompanyEdit): Promise<CompanyView> {
  await deps.db
    .update(company)
    .set({
      ...(edit.name !== undefined ? { name: edit.name.trim() } : {}),
      ...(edit.country !== undefined ? { country: edit.country.toUpperCase() } : {}),
      ...(edit.language !== undefined ? { language: edit.language } : {}),
      ...(edit.supportRequestsShared !== undefined ? { supportRequestsShared: edit.supportRequestsShared } : {}),
    })
    .where(eq(company.id, admin.companyId));
  return companyView(deps, admin);
}
