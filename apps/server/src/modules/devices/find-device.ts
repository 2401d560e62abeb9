import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { device } from './schema.ts';

/** For other modules: one of the user's own devices, or null when it is not theirs. */
export async function findOwnedDevice(deps: Pick<Deps, 'db'>, userId: string, deviceId: string) {
  const [row] = await deps.db
    .select({ id: device.id, name: device.name, machineHash: device.machineHash })
    .from(device)
    .where(and(eq(device.id, deviceId), eq(device.userId, userId)));
  return row ?? null;
}

/** For other modules: the names of the user's devices among `ids`, by id. */
export async function deviceNames(deps: Pick<Deps, 'db'>, userId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: device.id, name: device.name })
    .from(device)
    .where(and(eq(device.userId, userId), inArray(device.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** For other modules: the user's device with this machine hash (the SHA-256 of its fingerprint), or null. */
export async function findDeviceByMachine(deps: Pick<Deps, 'db'>, userId: string, machineHash: string) {
  const [row] = await deps.db
    .select({ id: device.id, name: device.name })
    .from(device)
    .where(and(eq(device.userId, userId), eq(device.machineHash, machineHash), isNull(device.tokenRevokedAt)))
    .limit(1);
  return row ?? null;
}
