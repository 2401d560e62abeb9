import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { licenseProblems } from './license-problems.ts';
import { lockLicense } from './license-row.ts';
import { type LicenseView, licenseView } from './license-view.ts';
import { license, licenseType } from './schema.ts';

/** Auto-renewal is its own choice, off until the owner turns it on, and only a subscription has it (LIC-2). */
export async function setAutoRenew(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId: string, autoRenew: boolean): Promise<LicenseView> {
  await deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, and(eq(license.id, licenseId), eq(license.userId, userId)));
    if (!locked) throw licenseProblems.notFound();
    if (autoRenew && locked.kind !== 'subscription') throw licenseProblems.noAutoRenewal();
    if (autoRenew && locked.status === 'revoked') throw licenseProblems.revoked();
    await tx.update(license).set({ autoRenew }).where(eq(license.id, locked.id));
  });
  return licenseView(deps, userId, licenseId);
}

/** For the store: running subscriptions whose owner chose auto-renewal and whose term ends before `expiringBefore`. */
export async function licensesToAutoRenew(deps: Pick<Deps, 'db' | 'clock'>, expiringBefore: Date) {
  return deps.db
    .select({ licenseId: license.id, userId: license.userId, typeId: license.typeId, expiresAt: license.expiresAt })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .where(
      and(
        eq(license.autoRenew, true),
        eq(license.status, 'active'),
        eq(licenseType.kind, 'subscription'),
        isNotNull(license.userId),
        gt(license.expiresAt, deps.clock.now()),
        lte(license.expiresAt, expiringBefore),
      ),
    );
}
