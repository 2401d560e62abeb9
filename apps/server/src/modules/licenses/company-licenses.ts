import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { hashOfTypedCode } from './code-input.ts';
import { licenseProblems } from './license-problems.ts';
import { lockLicense, startTermIfNew } from './license-row.ts';
import { companyLicenseViews, type LicenseView } from './license-view.ts';
import { license, licenseActivation } from './schema.ts';

async function companyLicenseView(deps: Pick<Deps, 'db' | 'clock'>, companyId: string, licenseId: string): Promise<LicenseView> {
  const [view] = await companyLicenseViews(deps, companyId, licenseId);
  if (!view) throw licenseProblems.notFound();
  return view;
}

/**
 * Adds a license to a company account by its activation code (ORG-4). It belongs to the company,
 * not to the person who typed the code, so it stays when they leave or delete their account.
 */
export async function addCompanyLicenseByCode(
  deps: Pick<Deps, 'db' | 'clock'>,
  companyId: string,
  typedCode: string,
): Promise<{ license: LicenseView; added: boolean }> {
  const hash = hashOfTypedCode(typedCode);
  const now = deps.clock.now();
  const { id, added } = await deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, eq(license.codeHash, hash));
    if (!locked) throw licenseProblems.notFound();
    if (locked.companyId === companyId) return { id: locked.id, added: false };
    if (locked.userId || locked.companyId) throw licenseProblems.alreadyOwned();
    if (locked.status === 'revoked') throw licenseProblems.revoked();
    await startTermIfNew(tx, locked, now);
    await tx.update(license).set({ companyId, redeemedAt: now }).where(eq(license.id, locked.id));
    return { id: locked.id, added: true };
  });
  return { license: await companyLicenseView(deps, companyId, id), added };
}

/**
 * Removes a license from the company account (ORG-4): its seats are released and it has no
 * owner again, so whoever holds the code may add it anew. Another company's license is not found.
 */
export async function removeCompanyLicense(deps: Pick<Deps, 'db' | 'clock'>, companyId: string, licenseId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, and(eq(license.id, licenseId), eq(license.companyId, companyId)));
    if (!locked) throw licenseProblems.notFound();
    await tx
      .update(licenseActivation)
      .set({ deactivatedAt: now })
      .where(and(eq(licenseActivation.licenseId, licenseId), isNull(licenseActivation.deactivatedAt)));
    await tx.update(license).set({ companyId: null }).where(eq(license.id, licenseId));
  });
}
