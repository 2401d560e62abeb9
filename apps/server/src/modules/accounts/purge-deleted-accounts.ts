import { and, inArray, isNotNull, lte, min, or, sql } from 'drizzle-orm';
import { destroySubjectKey } from '../../platform/blobs/subject-keys.ts';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { type BatchOptions, inBatches } from '../../platform/jobs/batches.ts';
import { outboxMessage } from '../../platform/notify/schema.ts';
import { consentLedger } from '../privacy/schema.ts';
import { PURGE_AFTER_DAYS } from './delete-account.ts';
import { users, verifications } from './schema.ts';
import { clearFailures } from './sign-in-throttle.ts';

const BATCH = 200;

function purgeCutoff(deps: Pick<Deps, 'clock'>): Date {
  return new Date(deps.clock.now().getTime() - PURGE_AFTER_DAYS * DAY_MS);
}

/**
 * Purges, in batches, every account deleted longer ago than the grace period. Each batch is
 * one transaction, so a crash leaves accounts either whole or gone; running it again goes on
 * where it stopped.
 */
export async function purgeDeletedAccounts(deps: Pick<Deps, 'db' | 'clock' | 'config'>, options: BatchOptions = {}): Promise<number> {
  const cutoff = purgeCutoff(deps);
  return inBatches(options, BATCH, async (size) => {
    const due = await deps.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(isNotNull(users.deletedAt), lte(users.deletedAt, cutoff)))
      .limit(size);
    if (due.length === 0) return 0;
    const ids = due.map((u) => u.id);
    const emails = due.map((u) => u.email);
    await deps.db.transaction(async (tx) => {
      await tx.delete(outboxMessage).where(or(inArray(outboxMessage.subjectUserId, ids), inArray(outboxMessage.recipient, emails)));
      await tx.delete(consentLedger).where(inArray(consentLedger.userId, ids));
      await tx.delete(verifications).where(or(inArray(verifications.identifier, emails), inArray(verifications.value, ids)));
      // Files are crypto-shredded: without the subject key no copy, backups included, opens again.
      for (const id of ids) await destroySubjectKey(tx, deps.clock, id);
      await tx.delete(users).where(inArray(users.id, ids));
    });
    for (const user of due) await clearFailures(deps, user.email);
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
