import { eq } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { licenseProblems } from './license-problems.ts';
import { lockLicense } from './license-row.ts';
import { license } from './schema.ts';

/**
 * Adds a term to a license, for a paid renewal order: from its current end while it runs, from
 * now once it has lapsed, so a late renewal is not eaten by the time it was expired.
 */
export async function renewLicense(deps: Pick<Deps, 'db' | 'clock'>, input: { licenseId: string; termDays: number }): Promise<{ expiresAt: Date }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, eq(license.id, input.licenseId));
    if (!locked) throw licenseProblems.notFound();
    if (locked.status === 'revoked') throw licenseProblems.revoked();
    if (locked.termDays === null) throw licenseProblems.notRenewable();
    const from = locked.expiresAt && locked.expiresAt > now ? locked.expiresAt : now;
    const expiresAt = new Date(from.getTime() + input.termDays * DAY_MS);
    await tx
      .update(license)
      .set({ expiresAt, startsAt: locked.startsAt ?? now })
      .where(eq(license.id, locked.id));
    return { expiresAt };
  });
}

/** Who owns a license (null while nobody added it), so a caller can check a renewal is for the owner's own license. */
export async function licenseOwner(deps: Pick<Deps, 'db'>, licenseId: string): Promise<string | null> {
  const [row] = await deps.db.select({ userId: license.userId }).from(license).where(eq(license.id, licenseId));
  return row?.userId ?? null;
}
