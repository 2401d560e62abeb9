import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { DeviceView } from './device-views.ts';
import { getDevice } from './list-devices.ts';
import { device } from './schema.ts';

export async function renameDevice(deps: Pick<Deps, 'db'>, userId: string, deviceId: string, name: string): Promise<DeviceView> {
  const renamed = await deps.db
    .update(device)
    .set({ name })
    .where(and(eq(device.id, deviceId), eq(device.userId, userId)))
    .returning({ id: device.id });
  if (renamed.length === 0) throw problems.notFound('device');
  return getDevice(deps, userId, deviceId);
}
