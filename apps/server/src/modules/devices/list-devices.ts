import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { type CommandView, commandView, type DeviceView, iso, isoOrNull } from './device-views.ts';
import { deviceCommand } from './schema.ts';

/** The log the owner sees on a device's page; older commands stay stored but are not listed. */
export const COMMAND_LOG_LIMIT = 500;

interface DeviceRow extends Record<string, unknown> {
  id: string;
  name: string;
  platform: string;
  product_version: string | null;
  protection_status: string;
  last_checkin_at: Date | null;
  enrolled_at: Date;
  token_revoked_at: Date | null;
  problems: Array<{ id: string; code: string; detail: string | null; fixable: boolean; openedAt: string }>;
  pending: Parameters<typeof commandView>[0][];
}

const COMMAND_JSON = sql`json_build_object('id', c.id, 'kind', c.kind, 'status', c.status, 'payload', c.payload, 'result', c.result,
  'requestedAt', c.requested_at, 'deliveredAt', c.delivered_at, 'acknowledgedAt', c.acknowledged_at)`;

/** One query for any number of devices: each row carries its open problems and waiting commands. */
async function deviceRows(deps: Pick<Deps, 'db'>, userId: string, only?: string): Promise<DeviceRow[]> {
  const filter: SQL = only ? sql`d.user_id = ${userId} and d.id = ${only}` : sql`d.user_id = ${userId}`;
  const result = await deps.db.execute<DeviceRow>(sql`
    select d.id, d.name, d.platform, d.product_version, d.protection_status, d.last_checkin_at, d.enrolled_at, d.token_revoked_at,
      coalesce((select json_agg(json_build_object('id', p.id, 'code', p.code, 'detail', p.detail, 'fixable', p.fixable, 'openedAt', p.opened_at)
                order by p.opened_at) from device_problem p where p.device_id = d.id and p.resolved_at is null), '[]') as problems,
      coalesce((select json_agg(${COMMAND_JSON} order by c.requested_at)
                from device_command c where c.device_id = d.id and c.status in ('pending', 'delivered')), '[]') as pending
    from device d where ${filter} order by d.enrolled_at, d.id`);
  return result.rows;
}

function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    platform: row.platform,
    productVersion: row.product_version,
    protectionStatus: row.protection_status,
    lastCheckinAt: isoOrNull(row.last_checkin_at),
    enrolledAt: iso(row.enrolled_at),
    signedOutAt: isoOrNull(row.token_revoked_at),
    problems: row.problems.map((p) => ({ ...p, openedAt: iso(p.openedAt) })),
    pendingCommands: row.pending.map(commandView),
  };
}

/** DEV-2: the user's devices with protection status, open problems, last check-in and commands not yet answered. */
export async function listDevices(deps: Pick<Deps, 'db'>, userId: string): Promise<DeviceView[]> {
  return (await deviceRows(deps, userId)).map(deviceView);
}

export async function getDevice(deps: Pick<Deps, 'db'>, userId: string, deviceId: string): Promise<DeviceView> {
  const [row] = await deviceRows(deps, userId, deviceId);
  if (!row) throw problems.notFound('device');
  return deviceView(row);
}

/** DEV-3: one device with its command log, newest first: what was asked, delivered and answered. */
export async function deviceDetail(deps: Pick<Deps, 'db'>, userId: string, deviceId: string): Promise<DeviceView & { commands: CommandView[] }> {
  const device = await getDevice(deps, userId, deviceId);
  const log = await deps.db
    .select()
    .from(deviceCommand)
    .where(and(eq(deviceCommand.deviceId, deviceId), eq(deviceCommand.userId, userId)))
    .orderBy(desc(deviceCommand.requestedAt), desc(deviceCommand.id))
    .limit(COMMAND_LOG_LIMIT);
  return { ...device, commands: log.map(commandView) };
}
