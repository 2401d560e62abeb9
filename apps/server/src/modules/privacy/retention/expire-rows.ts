import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Deps } from '../../../platform/deps.ts';
import { type BatchOptions, inBatches } from '../../../platform/jobs/batches.ts';

export interface RuleStatus {
  /** Rows the sweep would remove now. */
  due: number;
  /** The earliest moment from which a held row's retention counts (its deletion, expiry, creation…). */
  oldest: Date | null;
}

const BATCH = 1000;

/** A status row as PostgreSQL returns it from `count(...)::int as due, min(...) as oldest`. */
export function toStatus(row: { due: number; oldest: Date | string | null }): RuleStatus {
  return { due: row.due, oldest: row.oldest === null ? null : new Date(row.oldest) };
}

/**
 * Rows that are due once `since` lies `keepMs` in the past, removed whole (every column these
 * rules govern is erased by 'delete'; retention.test.ts holds the data map to that). Each batch is one
 * DELETE of up to `batchSize` primary keys, skipping rows another sweep holds, so two runs at once
 * do not wait on each other and a crash leaves whole batches.
 */
export function expireRows(spec: { table: PgTable; key: PgColumn; since: PgColumn | SQL; keepMs: number }) {
  const cutoff = (deps: Pick<Deps, 'clock'>) => new Date(deps.clock.now().getTime() - spec.keepMs);
  return {
    async status(deps: Pick<Deps, 'db' | 'clock'>): Promise<RuleStatus> {
      const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(
        sql`select count(*) filter (where ${spec.since} <= ${cutoff(deps)})::int as due, min(${spec.since}) as oldest from ${spec.table}`,
      );
      return toStatus(result.rows[0]);
    },
    sweep(deps: Pick<Deps, 'db' | 'clock'>, options: BatchOptions): Promise<number> {
      const before = cutoff(deps);
      return inBatches(options, BATCH, async (size) => {
        const result = await deps.db.execute(
          sql`delete from ${spec.table} where ${spec.key} in (select ${spec.key} from ${spec.table} where ${spec.since} <= ${before} limit ${size} for update skip locked)`,
        );
        return result.rowCount ?? 0;
      });
    },
  };
}
