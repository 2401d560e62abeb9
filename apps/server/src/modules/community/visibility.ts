import { and, count, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { HOUR_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { notRestricted } from '../privacy/rights/restriction.ts';
import { communityMember } from './schema.ts';

/**
 * Content is shown only while its author's community account exists and is not restricted: a deletion hides it at
 * once, before the sweep removes it (COMM-4), and a restricted person's words are stored, not published (RIGHT-6).
 * For queries that join `communityMember` on the author.
 */
export function authorVisible(): SQL {
  return and(isNull(communityMember.deletedAt), notRestricted(communityMember.userId)) as SQL;
}

/** Refuses a write past `max` of the member's rows created in the last hour: counted in the database, so shared by every process. */
export async function withinHourlyLimit(
  deps: Pick<Deps, 'db' | 'clock'>,
  table: PgTable & { userId: AnyPgColumn; createdAt: AnyPgColumn },
  userId: string,
  max: number,
): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - HOUR_MS);
  const [row] = await deps.db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.userId, userId), gt(table.createdAt, since)));
  if (row.n >= max) throw problems.rateLimited(Math.ceil(HOUR_MS / 1000 / max));
}
