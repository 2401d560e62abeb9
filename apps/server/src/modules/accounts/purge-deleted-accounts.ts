import { and, isNotNull, lte, min, sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { type BatchOptions, inBatches } from '../../platform/jobs/batches.ts';
import { eraseSubject } from '../privacy/rights/erase-subject.ts';
import { PURGE_AFTER_DAYS } from './delete-account.ts';
import { users } from './schema.ts';
import { clearFailures } from './sign-in-throttle.ts';

const BATCH = 200;

function purgeCutoff(deps: Pick<Deps, 'clock'>): Date {
  return new Date(deps.clock.now().getTime() - PURGE_AFTER_DAYS * DAY_MS);
}

/**
 * Purges, in batches, every account deleted longer ago than the grace period. Each account is
 * erased in one transaction, so a crash leaves accounts either whole or gone; running it again
 * goes on where it stopped.
 */
export async function purgeDeletedAccounts(deps: Pick<Deps, 'db' | 'clock' | 'config'>, options: BatchOptions = {}): Promise<number> {
  const cutoff = purgeCutoff(deps);
  return inBatches(options, BATCH, async (size) => {
    const due = await deps.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(isNotNull(users.deletedAt), lte(users.deletedAt, cutoff)))
      .limit(size);
    // The same data-map-driven erasure a person can ask for, one transaction per account.
    for (const user of due) {
      await eraseSubject(deps, { userId: user.id, email: user.email });
      await clearFailures(deps, user.email);
    }
    return due.length;
  });
}

/** For the retention report: deleted accounts past the grace period, and the earliest deletion not yet purged. */
export async function deletedAccountsStatus(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ due: number; oldest: Date | null }> {
  const [row] = await deps.db
    .select({ due: sql<number>`count(*) filter (where ${users.deletedAt} <= ${purgeCutoff(deps)})::int`, oldest: min(users.deletedAt) })
    .from(users)
    .where(isNotNull(users.deletedAt));
  return { due: row.due, oldest: row.oldest };
}
