import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { releaseDeviceSeats } from '../licenses/bind-license.ts';
import { device, deviceEnrollment, deviceTelemetry } from './schema.ts';

/**
 * The owner unlinks a device: its row goes, and with it the token (at once: the next request
 * with it finds nothing), its problems and commands (cascade), its check-ins, the code that
 * linked it, and the license seats it held.
 */
export async function unlinkDevice(deps: Pick<Deps, 'db' | 'clock'>, userId: string, deviceId: string): Promise<void> {
  // Scoped by owner, so for another's device it releases nothing; first, so a failed unlink can simply be retried.
  await releaseDeviceSeats(deps, userId, deviceId);
  await deps.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(device)
      .where(and(eq(device.id, deviceId), eq(device.userId, userId)))
      .returning({ id: device.id });
    if (!gone) throw problems.notFound('device');
    await tx.delete(deviceTelemetry).where(and(eq(deviceTelemetry.deviceId, deviceId), eq(deviceTelemetry.userId, userId)));
    await tx.delete(deviceEnrollment).where(eq(deviceEnrollment.deviceId, deviceId));
  });
}
