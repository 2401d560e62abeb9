import { inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { license } from './schema.ts';

/** When each license's current term ends (null: perpetual or not started), for modules whose data lives by a license. */
export async function licenseEnds(deps: Pick<Deps, 'db'>, licenseIds: string[]): Promise<Map<string, Date | null>> {
  if (licenseIds.length === 0) return new Map();
  const rows = await deps.db.select({ id: license.id, expiresAt: license.expiresAt }).from(license).where(inArray(license.id, licenseIds));
  return new Map(rows.map((r) => [r.id, r.expiresAt]));
}
