import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { license, licenseType } from './schema.ts';

/** When each license's current term ends (null: perpetual or not started), for modules whose data lives by a license. */
export async function licenseEnds(deps: Pick<Deps, 'db'>, licenseIds: string[]): Promise<Map<string, Date | null>> {
  if (licenseIds.length === 0) return new Map();
  const rows = await deps.db.select({ id: license.id, expiresAt: license.expiresAt }).from(license).where(inArray(license.id, licenseIds));
  return new Map(rows.map((r) => [r.id, r.expiresAt]));
}

/** The trials among `licenseIds` and when each ends, for services that tell their users before a trial stops them (MAIL-3). */
export async function trialEnds(deps: Pick<Deps, 'db'>, licenseIds: string[]): Promise<Map<string, Date>> {
  if (licenseIds.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: license.id, expiresAt: license.expiresAt })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .where(and(inArray(license.id, licenseIds), eq(licenseType.kind, 'trial'), isNotNull(license.expiresAt), eq(license.status, 'active')));
  return new Map(rows.map((r) => [r.id, r.expiresAt as Date]));
}
