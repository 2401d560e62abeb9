import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { findOwnedDevice } from '../devices/find-device.ts';
import { licenseProblems } from './license-problems.ts';
import { lockLicense } from './license-row.ts';
import { license, licenseActivation } from './schema.ts';
import { takeSeat } from './take-seat.ts';

export interface Binding {
  id: string;
  deviceId: string;
  deviceName: string;
  activatedAt: string;
}

/** Binds the user's license to one of the user's devices, within its seats (LIC-1). */
export async function bindLicense(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId: string, deviceId: string): Promise<Binding> {
  const device = await findOwnedDevice(deps, userId, deviceId);
  if (!device) throw licenseProblems.deviceNotFound();
  const now = deps.clock.now();
  const seat = await deps.db.transaction(async (tx) => {
    const locked = await lockLicense(tx, and(eq(license.id, licenseId), eq(license.userId, userId)));
    if (!locked) throw licenseProblems.notFound();
    return takeSeat(tx, locked, { machineHash: device.machineHash, deviceId: device.id }, now);
  });
  return { id: seat.id, deviceId: device.id, deviceName: device.name, activatedAt: seat.activatedAt.toISOString() };
}

/** Releases a seat of the user's license; the record stays, marked with when it ended. */
export async function unbindLicense(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId: string, activationId: string): Promise<void> {
  const released = await deps.db
    .update(licenseActivation)
    .set({ deactivatedAt: deps.clock.now() })
    .where(
      and(
        eq(licenseActivation.id, activationId),
        eq(licenseActivation.licenseId, licenseId),
        eq(licenseActivation.userId, userId),
        isNull(licenseActivation.deactivatedAt),
      ),
    )
    .returning({ id: licenseActivation.id });
  if (released.length === 0) throw licenseProblems.bindingNotFound();
}

/** For the devices module: an unlinked device gives back every seat it held. */
export async function releaseDeviceSeats(deps: Pick<Deps, 'db' | 'clock'>, userId: string, deviceId: string): Promise<number> {
  const released = await deps.db
    .update(licenseActivation)
    .set({ deactivatedAt: deps.clock.now() })
    .where(and(eq(licenseActivation.deviceId, deviceId), eq(licenseActivation.userId, userId), isNull(licenseActivation.deactivatedAt)))
    .returning({ id: licenseActivation.id });
  return released.length;
}
