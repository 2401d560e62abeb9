import { eq, type SQL } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/pool.ts';
import { licenseProblems } from './license-problems.ts';
import { license, licenseType, product } from './schema.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function licenseQuery(db: Db | Tx, where: SQL | undefined) {
  return db
    .select({
      id: license.id,
      userId: license.userId,
      companyId: license.companyId,
      status: license.status,
      startsAt: license.startsAt,
      expiresAt: license.expiresAt,
      seats: licenseType.seats,
      termDays: licenseType.termDays,
      kind: licenseType.kind,
      productId: product.id,
      entitlements: product.entitlements,
    })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .innerJoin(product, eq(product.id, licenseType.productId))
    .where(where);
}

/** A license row, locked until the transaction ends, with what its type and product say. */
export async function lockLicense(tx: Tx, where: SQL | undefined) {
  const [row] = await licenseQuery(tx, where).for('update', { of: license });
  return row ?? null;
}

/** For another module's seats (mail protection): holds the license row, so two callers at once cannot both take the last seat. */
export async function holdLicense(tx: Tx, licenseId: string): Promise<void> {
  await tx.select({ id: license.id }).from(license).where(eq(license.id, licenseId)).for('update');
}

/** The same, for reading only. */
export async function readLicense(db: Db, where: SQL | undefined) {
  const [row] = await licenseQuery(db, where);
  return row ?? null;
}

export type LockedLicense = NonNullable<Awaited<ReturnType<typeof lockLicense>>>;

/** A license sold without an owner starts its term on first use: adding it to an account or activating it. */
export async function startTermIfNew(tx: Tx, locked: LockedLicense, now: Date): Promise<LockedLicense> {
  if (locked.startsAt) return locked;
  const expiresAt = locked.termDays === null ? null : new Date(now.getTime() + locked.termDays * DAY_MS);
  await tx.update(license).set({ startsAt: now, expiresAt }).where(eq(license.id, locked.id));
  return { ...locked, startsAt: now, expiresAt };
}

export function refuseUnusable(locked: LockedLicense, now: Date): void {
  if (locked.status === 'revoked') throw licenseProblems.revoked();
  if (locked.expiresAt && locked.expiresAt <= now) throw licenseProblems.expired();
}
