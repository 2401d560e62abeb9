import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import type { Deps } from '../../platform/deps.ts';
import { listDevices } from './list-devices.ts';
import { device, deviceTelemetry } from './schema.ts';
import { type CommandRequest, sendCommand } from './send-command.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A workspace's device belongs to the workspace, not to a person (WS-1): its owner key is the
 * workspace's, which no account id can equal, so no one's personal device list shows it and no
 * account erasure takes it; every owner-keyed device function (check-in, problems, commands)
 * works for it unchanged. It goes when the workspace does (WS-3).
 */
export const workspaceDeviceOwner = (workspaceId: string) => `workspace:${workspaceId}`;

/** The workspace's devices with protection status, open problems, last check-in and waiting commands. */
export function listWorkspaceDevices(deps: Pick<Deps, 'db'>, workspaceId: string) {
  return listDevices(deps, workspaceDeviceOwner(workspaceId));
}

/** Deletes the workspace's devices and everything they reported, inside the caller's transaction. */
export async function deleteWorkspaceDevices(tx: Tx, workspaceId: string): Promise<number> {
  await tx.delete(deviceTelemetry).where(eq(deviceTelemetry.userId, workspaceDeviceOwner(workspaceId)));
  const deleted = await tx.delete(device).where(eq(device.workspaceId, workspaceId)).returning({ id: device.id });
  return deleted.length;
}

/**
 * A workspace operator sends lock, alarm, wipe or fix to one of the workspace's devices, under the
 * same rules as an owner (DEV-3): confirmed, one of each kind waiting, a wipe after a fresh sign-in.
 */
export function sendWorkspaceCommand(
  deps: Pick<Deps, 'db' | 'clock'>,
  caller: { sessionCreatedAt: Date },
  workspaceId: string,
  deviceId: string,
  input: CommandRequest,
) {
  return sendCommand(deps, { userId: workspaceDeviceOwner(workspaceId), sessionCreatedAt: caller.sessionCreatedAt }, deviceId, input);
}
