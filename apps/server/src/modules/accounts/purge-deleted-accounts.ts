import { and, inArray, isNotNull, lte, or } from 'drizzle-orm';
import { destroySubjectKey } from '../../platform/blobs/subject-keys.ts';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { outboxMessage } from '../../platform/notify/schema.ts';
import { consentLedger } from '../privacy/schema.ts';
import { PURGE_AFTER_DAYS } from './delete-account.ts';
import { users, verifications } from './schema.ts';
import { clearFailures } from './sign-in-throttle.ts';

const BATCH = 200;

/**
 * Purges, in batches, every account deleted longer ago than the grace period. Each batch is
 * one transaction, so a crash leaves accounts either whole or gone; running it again goes on
 * where it stopped.
 */
export async function purgeDeletedAccounts(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - PURGE_AFTER_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const due = await deps.db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(isNotNull(users.deletedAt), lte(users.deletedAt, cutoff)))
      .limit(BATCH);
    if (due.length === 0) return purged;
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
    purged += due.length;
  }
}
