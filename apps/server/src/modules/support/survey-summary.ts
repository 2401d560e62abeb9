import { count, isNotNull, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { supportSurvey } from './schema.ts';

const MONTHS = 12;

const roundedAverage = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);

/** The last MONTHS months up to `now`, oldest first, as YYYY-MM in UTC. */
function monthsUpTo(now: Date): string[] {
  return Array.from({ length: MONTHS }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1 - i), 1)).toISOString().slice(0, 7));
}

/** Satisfaction across all surveys, for the staff chart: counts, average, spread of ratings, and month by month (SUP-5). */
export async function surveySummary(deps: Pick<Deps, 'db' | 'clock'>) {
  const [totals] = await deps.db
    .select({ total: count(), answered: count(supportSurvey.answeredAt), average: sql<string | null>`avg(${supportSurvey.rating})` })
    .from(supportSurvey);
  const ratings = await deps.db
    .select({ rating: supportSurvey.rating, n: count() })
    .from(supportSurvey)
    .where(isNotNull(supportSurvey.rating))
    .groupBy(supportSurvey.rating);
  const distribution = [1, 2, 3, 4, 5].map((rating) => ratings.find((r) => r.rating === rating)?.n ?? 0);

  const months = monthsUpTo(deps.clock.now());
  const month = sql<string>`to_char(${supportSurvey.answeredAt} at time zone 'UTC', 'YYYY-MM')`;
  const rows = await deps.db
    .select({ month, answered: count(), average: sql<string | null>`avg(${supportSurvey.rating})` })
    .from(supportSurvey)
    .where(sql`${supportSurvey.answeredAt} >= ${new Date(`${months[0]}-01T00:00:00Z`)}`)
    .groupBy(month);
  const byMonth = months.map((m) => {
    const row = rows.find((r) => r.month === m);
    return { month: m, answered: row?.answered ?? 0, average: roundedAverage(row?.average) };
  });
  return { total: totals?.total ?? 0, answered: totals?.answered ?? 0, average: roundedAverage(totals?.average), distribution, byMonth };
}
