import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { deviceNames } from '../devices/find-device.ts';
import { licenseProblems } from './license-problems.ts';
import { type LicenseKind, license, licenseActivation, licenseType, product } from './schema.ts';

export type LicenseStatus = 'active' | 'expired' | 'revoked';

export interface ActivationView {
  id: string;
  deviceId: string | null;
  deviceName: string | null;
  activatedAt: string;
  lastValidatedAt: string | null;
}

export interface LicenseView {
  id: string;
  product: { id: string; name: string };
  type: { id: string; name: string; kind: LicenseKind; seats: number; termDays: number | null };
  codeLastGroup: string;
  status: LicenseStatus;
  startsAt: string | null;
  expiresAt: string | null;
  autoRenew: boolean;
  seatsUsed: number;
  activations: ActivationView[];
}

export function statusAt(row: { status: 'active' | 'revoked'; expiresAt: Date | null }, now: Date): LicenseStatus {
  if (row.status === 'revoked') return 'revoked';
  return row.expiresAt && row.expiresAt <= now ? 'expired' : 'active';
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Device names come from the owner's own devices; a company's seats show the name the product reported. */
async function activationsOf(deps: Pick<Deps, 'db'>, userId: string | null, licenseIds: string[]) {
  if (licenseIds.length === 0) return new Map<string, ActivationView[]>();
  const rows = await deps.db
    .select()
    .from(licenseActivation)
    .where(and(inArray(licenseActivation.licenseId, licenseIds), isNull(licenseActivation.deactivatedAt)))
    .orderBy(asc(licenseActivation.activatedAt));
  const names = userId ? await deviceNames(deps, userId, [...new Set(rows.flatMap((r) => (r.deviceId ? [r.deviceId] : [])))]) : new Map<string, string>();
  const byLicense = new Map<string, ActivationView[]>();
  for (const row of rows) {
    const list = byLicense.get(row.licenseId) ?? [];
    list.push({
      id: row.id,
      deviceId: row.deviceId,
      deviceName: (row.deviceId ? names.get(row.deviceId) : undefined) ?? row.deviceName,
      activatedAt: row.activatedAt.toISOString(),
      lastValidatedAt: iso(row.lastValidatedAt),
    });
    byLicense.set(row.licenseId, list);
  }
  return byLicense;
}

async function viewsWhere(deps: Pick<Deps, 'db' | 'clock'>, where: SQL | undefined, userId: string | null): Promise<LicenseView[]> {
  const rows = await deps.db
    .select({ license, type: licenseType, product: { id: product.id, name: product.name } })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .innerJoin(product, eq(product.id, licenseType.productId))
    .where(where)
    .orderBy(desc(license.issuedAt));
  const activations = await activationsOf(
    deps,
    userId,
    rows.map((r) => r.license.id),
  );
  const now = deps.clock.now();
  return rows.map(({ license: l, type, product: p }) => {
    const seats = activations.get(l.id) ?? [];
    return {
      id: l.id,
      product: p,
      type: { id: type.id, name: type.name, kind: type.kind, seats: type.seats, termDays: type.termDays },
      codeLastGroup: l.codeLastGroup,
      status: statusAt(l, now),
      startsAt: iso(l.startsAt),
      expiresAt: iso(l.expiresAt),
      autoRenew: l.autoRenew,
      seatsUsed: seats.length,
      activations: seats,
    };
  });
}

/** The user's licenses, newest first; with `licenseId`, only that one (empty when it is not theirs). */
export function licenseViews(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId?: string): Promise<LicenseView[]> {
  return viewsWhere(deps, and(eq(license.userId, userId), licenseId ? eq(license.id, licenseId) : undefined), userId);
}

/** A company's licenses (ORG-4), newest first; with `licenseId`, only that one. */
export function companyLicenseViews(deps: Pick<Deps, 'db' | 'clock'>, companyId: string, licenseId?: string): Promise<LicenseView[]> {
  return viewsWhere(deps, and(eq(license.companyId, companyId), licenseId ? eq(license.id, licenseId) : undefined), null);
}

export async function licenseView(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId: string): Promise<LicenseView> {
  const [view] = await licenseViews(deps, userId, licenseId);
  if (!view) throw licenseProblems.notFound();
  return view;
}
