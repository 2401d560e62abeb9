import type { CheckinReport } from '@steward/client';
import type pg from 'pg';
import type { Deps } from '../../platform/deps.ts';
import { hashSecret } from './device-token.ts';
import type { CommandKind } from './schema.ts';
import { isMissingPartition, type TelemetryMonths } from './telemetry-months.ts';

export interface CheckinEntry {
  deviceId: string;
  secret: string;
  at: Date;
  report: CheckinReport;
}

export interface DeliveredCommand {
  id: string;
  kind: CommandKind;
  payload: Record<string, unknown>;
}

export type CheckinOutcome = { accepted: true; commands: DeliveredCommand[] } | { accepted: false };

/**
 * A whole batch in one statement, so one round trip and one commit whatever its size. Its input
 * is one row per device (and token): the newest report and every check-in of the batch.
 *  - authed: the rows whose token hash matches a device that is not revoked and may check in,
 *    each by a primary-key lookup (lateral with a limit, which the planner may not reorder, so
 *    no estimate can turn it into a scan of all devices);
 *  - linked: those devices updated with the newest report (and locked); a device unlinked
 *    meanwhile drops out here, and none of its check-in is kept;
 *  - telemetry: one row per check-in, in its month's partition;
 *  - opened / resolved: problems newly reported are opened (the partial unique index keeps one
 *    open per code), problems no longer reported are resolved;
 *  - delivered, and the answer: commands not yet answered go to the device; pending ones become delivered.
 * The token hashes are compared, never the secret.
 */
const RECORD_BATCH = {
  name: 'devices-record-checkins',
  text: `with input as (
    select * from jsonb_to_recordset($1::jsonb)
      as r(n int, device_id uuid, secret_hash text, at timestamptz, status text, version text, problems jsonb, codes jsonb, checkins jsonb)
  ), authed as materialized (
    select i.* from input i cross join lateral (
      select 1 from device d
      where d.id = i.device_id and d.token_hash = i.secret_hash and d.token_revoked_at is null and d.token_scopes ? 'checkin' limit 1
    ) d
  ), linked as (
    update device d set last_checkin_at = a.at, protection_status = a.status, product_version = coalesce(a.version, d.product_version)
    from authed a
    where d.id = a.device_id and d.token_hash = a.secret_hash and d.token_revoked_at is null
    returning a.n, d.id as device_id, d.user_id, a.at, a.problems, a.codes, a.checkins
  ), telemetry as (
    insert into device_telemetry (device_id, user_id, recorded_at, protection_status, product_version, problems)
    select l.device_id, l.user_id, c.at, c.status, c.version, c.codes
    from linked l cross join jsonb_to_recordset(l.checkins) as c(at timestamptz, status text, version text, codes jsonb)
  ), opened as (
    insert into device_problem (device_id, user_id, code, detail, fixable, opened_at)
    select l.device_id, l.user_id, p.code, p.detail, coalesce(p.fixable, false), l.at
    from linked l cross join jsonb_to_recordset(l.problems) as p(code text, detail text, fixable boolean)
    on conflict (device_id, code) where resolved_at is null do nothing
  ), resolved as (
    update device_problem p set resolved_at = l.at from linked l
    where p.device_id = l.device_id and p.resolved_at is null and not (l.codes ? p.code)
  ), delivered as (
    update device_command c set status = 'delivered', delivered_at = l.at from linked l
    where c.device_id = l.device_id and c.status = 'pending'
  )
  select l.n, coalesce((
      select json_agg(json_build_object('id', c.id, 'kind', c.kind, 'payload', c.payload) order by c.requested_at)
      from device_command c where c.device_id = l.device_id and c.status in ('pending', 'delivered')
    ), '[]') as commands
  from linked l`,
};

const codesOf = (report: CheckinReport) => [...new Set(report.problems.map((p) => p.code))];

/** The entries grouped by device and token: the secret only as its hash, each problem code once. */
function batchInput(entries: CheckinEntry[]): { input: string; groupOf: number[] } {
  const indexOf = new Map<string, number>();
  const groups: Array<{ secretHash: string; entries: CheckinEntry[] }> = [];
  const groupOf = entries.map((entry) => {
    const secretHash = hashSecret(entry.secret);
    const key = `${entry.deviceId}.${secretHash}`;
    let n = indexOf.get(key);
    if (n === undefined) {
      n = groups.push({ secretHash, entries: [] }) - 1;
      indexOf.set(key, n);
    }
    groups[n].entries.push(entry);
    return n;
  });
  const rows = groups.map((group, n) => {
    const { deviceId, at, report } = group.entries.reduce((a, b) => (b.at >= a.at ? b : a));
    const checkins = group.entries.map((e) => ({
      at: e.at,
      status: e.report.protectionStatus,
      version: e.report.productVersion ?? null,
      codes: codesOf(e.report),
    }));
    return {
      n,
      device_id: deviceId,
      secret_hash: group.secretHash,
      at,
      status: report.protectionStatus,
      version: report.productVersion ?? null,
      problems: [...new Map(report.problems.map((p) => [p.code, p])).values()],
      codes: codesOf(report),
      checkins,
    };
  });
  // In device order, so batches written at the same time lock their devices in the same order.
  rows.sort((a, b) => (a.device_id < b.device_id ? -1 : a.device_id > b.device_id ? 1 : 0));
  return { input: JSON.stringify(rows), groupOf };
}

/** Two batches from two servers that lock the same devices in opposite order: the loser simply runs again. */
const isDeadlock = (error: unknown) => (error as { code?: string } | null)?.code === '40P01';

/**
 * Stores one batch of check-ins. Each entry's outcome says whether it was stored (its token was
 * good) and which commands it delivers to the device.
 */
export async function recordCheckins(deps: Pick<Deps, 'pool'>, months: TelemetryMonths, entries: CheckinEntry[]): Promise<CheckinOutcome[]> {
  const { input, groupOf } = batchInput(entries);
  await months.ensure(entries.map((e) => e.at));
  let result: pg.QueryResult<{ n: number; commands: DeliveredCommand[] }>;
  try {
    result = await deps.pool.query({ ...RECORD_BATCH, values: [input] });
  } catch (error) {
    if (isMissingPartition(error)) {
      months.forget();
      await months.ensure(entries.map((e) => e.at));
    } else if (!isDeadlock(error)) throw error;
    result = await deps.pool.query({ ...RECORD_BATCH, values: [input] });
  }
  const stored = new Map(result.rows.map((row) => [row.n, row.commands]));
  return groupOf.map((n) => {
    const commands = stored.get(n);
    return commands ? { accepted: true, commands } : { accepted: false };
  });
}
