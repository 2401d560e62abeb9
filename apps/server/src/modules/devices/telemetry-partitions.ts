import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { RuleStatus } from '../privacy/retention/expire-rows.ts';

/** A month of check-ins lives in its own partition, named for the month it holds. */
export function partitionName(month: Date): string {
  return `device_telemetry_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function nextMonth(month: Date): Date {
  return new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
}

/** Creates the partition for the month of `at` if it is missing; safe to call from any number of writers. */
export async function ensureTelemetryPartition(deps: Pick<Deps, 'db'>, at: Date): Promise<void> {
  const from = monthStart(at);
  const name = partitionName(from);
  try {
    await deps.db.execute(
      sql`create table if not exists ${sql.identifier(name)} partition of device_telemetry for values from (${sql.raw(`'${from.toISOString()}'`)}) to (${sql.raw(`'${nextMonth(from).toISOString()}'`)})`,
    );
  } catch (error) {
    // Two writers racing past "if not exists": the loser finds the table (or its type) made.
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== '42P07' && code !== '23505') throw error;
  }
}

interface Partition {
  name: string;
  /** The first moment after the partition's range. */
  end: Date;
}

async function telemetryPartitions(deps: Pick<Deps, 'db'>): Promise<Partition[]> {
  const result = await deps.db.execute<{ name: string; bound: string }>(
    sql`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        where p.relname = 'device_telemetry'`,
  );
  return result.rows.flatMap((row) => {
    const to = /TO \('([^']+)'\)/.exec(row.bound)?.[1];
    return to ? [{ name: row.name, end: new Date(to) }] : [];
  });
}

/** Partitions whose whole month lies before the cutoff: dropping them is the sweep. */
export async function expiredTelemetryPartitions(deps: Pick<Deps, 'db'>, cutoff: Date): Promise<Partition[]> {
  return (await telemetryPartitions(deps)).filter((p) => p.end <= cutoff);
}

export async function dropTelemetryPartitions(deps: Pick<Deps, 'db'>, cutoff: Date): Promise<number> {
  let rows = 0;
  for (const partition of await expiredTelemetryPartitions(deps, cutoff)) {
    await deps.db.transaction(async (tx) => {
      const count = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(partition.name)}`);
      await tx.execute(sql`drop table ${sql.identifier(partition.name)}`);
      rows += count.rows[0].n;
    });
  }
  return rows;
}

export async function telemetryStatus(deps: Pick<Deps, 'db'>, cutoff: Date): Promise<RuleStatus> {
  const expired = await expiredTelemetryPartitions(deps, cutoff);
  let due = 0;
  for (const partition of expired) {
    const count = await deps.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(partition.name)}`);
    due += count.rows[0].n;
  }
  const oldest = await deps.db.execute<{ oldest: Date | string | null }>(sql`select min(recorded_at) as oldest from device_telemetry`);
  const first = oldest.rows[0].oldest;
  return { due, oldest: first === null ? null : new Date(first) };
}
