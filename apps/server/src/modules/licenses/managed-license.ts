import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { isUuid } from '../../platform/uuid.ts';
import { isAdministrator, membershipOf } from '../orgs/membership.ts';
import { licenseProblems } from './license-problems.ts';
import { readLicense } from './license-row.ts';
import { statusAt } from './license-view.ts';
import { license, licenseType, product } from './schema.ts';

export type ManagedLicense = NonNullable<Awaited<ReturnType<typeof readLicense>>>;

/** Whose licenses a person manages: their own, and their company's when they administer an unblocked company (LIC-4). */
async function managerScope(deps: Pick<Deps, 'db'>, userId: string) {
  const membership = await membershipOf(deps, userId);
  const companyId = membership && !membership.blocked && isAdministrator(membership.role) ? membership.companyId : null;
  return companyId ? or(eq(license.userId, userId), eq(license.companyId, companyId)) : eq(license.userId, userId);
}

/**
 * A license the caller may manage a service of, which unlocks `entitlement` (another module's service: mail protection).
 * Anyone else's license, or one of a company the caller does not administer, is not found.
 */
export async function managedLicense(deps: Pick<Deps, 'db'>, userId: string, licenseId: string, entitlement: string): Promise<ManagedLicense> {
  if (!isUuid(licenseId)) throw licenseProblems.notFound();
  const row = await readLicense(deps.db, and(eq(license.id, licenseId), await managerScope(deps, userId)));
  if (!row?.entitlements.includes(entitlement)) throw licenseProblems.notFound();
  return row;
}

export interface ManagedLicenseSummary {
  id: string;
  productName: string;
  typeName: string;
  codeLastGroup: string;
  seats: number;
  status: 'active' | 'expired' | 'revoked';
  expiresAt: string | null;
  company: boolean;
  /** Which of the entitlements asked for the license unlocks. */
  entitlements: string[];
}

/** Every license the caller manages that unlocks any of `entitlements`, for a service's own page. */
export async function managedLicenses(deps: Pick<Deps, 'db' | 'clock'>, userId: string, entitlements: string[]): Promise<ManagedLicenseSummary[]> {
  const wanted = sql.join(
    entitlements.map((e) => sql`${e}`),
    sql`, `,
  );
  const rows = await deps.db
    .select({ license, typeName: licenseType.name, seats: licenseType.seats, productName: product.name, entitlements: product.entitlements })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .innerJoin(product, eq(product.id, licenseType.productId))
    .where(and(await managerScope(deps, userId), sql`${product.entitlements} ?| array[${wanted}]::text[]`))
    .orderBy(license.issuedAt);
  const now = deps.clock.now();
  return rows.map((row) => ({
    id: row.license.id,
    productName: row.productName,
    typeName: row.typeName,
    codeLastGroup: row.license.codeLastGroup,
    seats: row.seats,
    status: statusAt(row.license, now),
    expiresAt: row.license.expiresAt?.toISOString() ?? null,
    company: row.license.companyId !== null,
    entitlements: row.entitlements.filter((e) => entitlements.includes(e)),
  }));
}

/** The licenses among `ids` that are no longer usable at `now`: expired or revoked. */
export async function unusableLicenses(deps: Pick<Deps, 'db'>, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await deps.db
    .select({ id: license.id })
    .from(license)
    .where(and(inArray(license.id, ids), or(eq(license.status, 'revoked'), sql`${license.expiresAt} <= ${now}`)));
  return new Set(rows.map((row) => row.id));
}
