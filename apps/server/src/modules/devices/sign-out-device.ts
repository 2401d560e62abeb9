import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { device } from './schema.ts';

/**
 * The owner revokes a device's token but keeps the device, its history and its license seats:
 * the device is refused from its next request until the owner links it again with a new code.
 */
export async function signOutDevice(deps: Pick<Deps, 'db' | 'clock'>, userId: string, deviceId: string): Promise<void> {
  const [owned] = await deps.db
    .select({ id: device.id })
    .from(device)
    .where(and(eq(device.id, deviceId), eq(device.userId, userId)));
  if (!owned) throw problems.notFound('device');
  await deps.db
    .update(device)
    .set({ tokenRevokedAt: deps.clock.now() })
    .where(and(eq(device.id, deviceId), isNull(device.tokenRevokedAt)));
}
