import { and, count, eq, isNull } from 'drizzle-orm';
import { licenseProblems } from './license-problems.ts';
import { type LockedLicense, refuseUnusable, type Tx } from './license-row.ts';
import { licenseActivation } from './schema.ts';

export interface Seat {
  machineHash: string;
  deviceId: string | null;
  deviceName?: string | null;
}

/**
 * The device's seat: the one it holds already, or a new one while seats are free. The caller
 * holds the license row's lock, so two devices racing for the last seat cannot both get it.
 */
export async function takeSeat(tx: Tx, locked: LockedLicense, seat: Seat, now: Date) {
  refuseUnusable(locked, now);
  const [held] = await tx
    .select()
    .from(licenseActivation)
    .where(and(eq(licenseActivation.licenseId, locked.id), eq(licenseActivation.machineHash, seat.machineHash), isNull(licenseActivation.deactivatedAt)));
  if (held) {
    if (held.deviceId || !seat.deviceId) return held;
    const [linked] = await tx.update(licenseActivation).set({ deviceId: seat.deviceId }).where(eq(licenseActivation.id, held.id)).returning();
    return linked;
  }
  const [{ used }] = await tx
    .select({ used: count() })
    .from(licenseActivation)
    .where(and(eq(licenseActivation.licenseId, locked.id), isNull(licenseActivation.deactivatedAt)));
  if (used >= locked.seats) throw licenseProblems.seatsExceeded();
  const [created] = await tx
    .insert(licenseActivation)
    .values({
      licenseId: locked.id,
      userId: locked.userId,
      deviceId: seat.deviceId,
      machineHash: seat.machineHash,
      deviceName: seat.deviceName ?? null,
      activatedAt: now,
    })
    .returning();
  return created;
}
