import { and, asc, gte, lt } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { statsHourly } from './schema.ts';

export const MAX_RANGE_DAYS = 92;

/** Hourly counts per kind and path from `from` (inclusive) to `to` (exclusive), for the staff dashboard. */
export async function hourlySeries(deps: Pick<Deps, 'db'>, range: { from: Date; to: Date }) {
  if (range.to.getTime() <= range.from.getTime()) throw problems.invalidField('to', 'must be after from');
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * 24 * 60 * 60 * 1000)
    throw problems.invalidField('to', `must be at most ${MAX_RANGE_DAYS} days after from`);
  return deps.db
    .select()
    .from(statsHourly)
    .where(and(gte(statsHourly.hour, range.from), lt(statsHourly.hour, range.to)))
    .orderBy(asc(statsHourly.hour), asc(statsHourly.kind), asc(statsHourly.path));
}
