import { sql } from 'drizzle-orm';
import { HOUR_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { type BatchOptions, inBatches } from '../../platform/jobs/batches.ts';
import { toStatus } from '../privacy/retention/expire-rows.ts';
import { statsEvent, statsHourly } from './schema.ts';

/**
 * Hours before this are complete. An event is stamped when it arrives, so the minute's grace
 * lets one that arrived at 10:59:59 commit before hour 10 is counted.
 */
function completeBefore(deps: Pick<Deps, 'clock'>): Date {
  return new Date(Math.floor((deps.clock.now().getTime() - 60_000) / HOUR_MS) * HOUR_MS);
}

/**
 * Counts each complete hour into stats_hourly and deletes its raw events in the same statement
 * (retention rule statistics-aggregated): one hour per transaction, oldest first. The DELETE
 * locks the rows it counts, so two runs at once never count an event twice, and a crash
 * leaves each hour either counted and gone or untouched. Returns the events aggregated.
 */
export async function aggregateStatistics(deps: Pick<Deps, 'db' | 'clock'>, options: BatchOptions = {}): Promise<number> {
  const before = completeBefore(deps);
  // One hour a batch whatever the batch size: distinct visitors cannot be summed across parts of an hour.
  return inBatches(options, 1, async () => {
    const result = await deps.db.execute(sql`
      with hour as (
        select date_trunc('hour', min(${statsEvent.occurredAt})) as start from ${statsEvent} where ${statsEvent.occurredAt} < ${before}
      ), gone as (
        delete from ${statsEvent} using hour
        where ${statsEvent.occurredAt} >= hour.start and ${statsEvent.occurredAt} < hour.start + interval '1 hour'
        returning hour.start, ${statsEvent.kind} as kind, ${statsEvent.path} as path, ${statsEvent.pseudonym} as pseudonym
      ), counted as (
        -- Runs although nothing reads it: PostgreSQL carries out every data-modifying WITH.
        insert into ${statsHourly} (hour, kind, path, views, visitors)
        select start, kind, path, count(*), count(distinct pseudonym) from gone group by start, kind, path
        on conflict (hour, kind, path) do update set views = ${statsHourly}.views + excluded.views, visitors = ${statsHourly}.visitors + excluded.visitors
      )
      select count(*)::int as events from gone`);
    return (result.rows[0] as { events: number }).events;
  });
}

/** Raw events waiting for their hour to be counted, and the oldest of them. */
export async function statisticsStatus(deps: Pick<Deps, 'db' | 'clock'>) {
  const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(
    sql`select count(*) filter (where ${statsEvent.occurredAt} < ${completeBefore(deps)})::int as due, min(${statsEvent.occurredAt}) as oldest from ${statsEvent}`,
  );
  return toStatus(result.rows[0]);
}
