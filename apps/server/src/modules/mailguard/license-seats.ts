import { count, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { holdLicense } from '../licenses/license-row.ts';
import { statusAt } from '../licenses/license-view.ts';
import { type ManagedLicense, managedLicense } from '../licenses/managed-license.ts';
import { mailguardProblems } from './mailguard-problems.ts';
import { type ConnectionKind, mailConnection } from './schema.ts';

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

export const ENTITLEMENT: Record<ConnectionKind, string> = { mailbox: 'mail-scan', 'file-store': 'file-scan' };

/** The caller's license for this kind of connection, refused when it can no longer be used. */
export async function usableLicense(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId: string, kind: ConnectionKind): Promise<ManagedLicense> {
  const row = await managedLicense(deps, userId, licenseId, ENTITLEMENT[kind]);
  if (statusAt(row, deps.clock.now()) !== 'active') throw mailguardProblems.licenseUnusable();
  return row;
}

/** Each seat protects one mailbox or file store; `adding` new ones must fit beside those already connected. */
export async function requireFreeSeats(tx: Tx, licenseRow: Pick<ManagedLicense, 'id' | 'seats'>, adding: number): Promise<void> {
  await holdLicense(tx, licenseRow.id);
  const [row] = await tx.select({ n: count() }).from(mailConnection).where(eq(mailConnection.licenseId, licenseRow.id));
  if (row.n + adding > licenseRow.seats) throw mailguardProblems.seatsExceeded();
}
