import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { hashOfTypedCode } from './code-input.ts';
import { licenseProblems } from './license-problems.ts';
import { lockLicense, startTermIfNew } from './license-row.ts';
import { type LicenseView, licenseView } from './license-view.ts';
import { license, licenseActivation } from './schema.ts';

/**
 * Adds a license to the account by its activation code (LIC-1). Adding it twice changes nothing;
 * a license another account holds stays theirs.
 */
export async function addLicenseByCode(deps: Pick<Deps, 'db' | 'clock'>, userId: string, typedCode: string): Promise<{ license: LicenseView; added: boolean }> {
  const hash = hashOfTypedCode(typedCode);
  const now = deps.clock.now();
  const { id, added } = await deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, eq(license.codeHash, hash));
    if (!locked) throw licenseProblems.notFound();
    if (locked.userId === userId) return { id: locked.id, added: false };
    if (locked.userId || locked.companyId) throw licenseProblems.alreadyOwned();
    if (locked.status === 'revoked') throw licenseProblems.revoked();
    await startTermIfNew(tx, locked, now);
    await tx.update(license).set({ userId, redeemedAt: now }).where(eq(license.id, locked.id));
    // Seats the product took by code before the license had an owner now belong to that owner.
    await tx.update(licenseActivation).set({ userId }).where(eq(licenseActivation.licenseId, locked.id));
    return { id: locked.id, added: true };
  });
  return { license: await licenseView(deps, userId, id), added };
}
