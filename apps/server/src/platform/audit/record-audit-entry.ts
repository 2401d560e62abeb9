import { desc, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/pool.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';
import { GENESIS_HASH, hashAuditEntry, normaliseDetails } from './hash-audit-entry.ts';
import { auditLog } from './schema.ts';

/** Any number no other lock in the project uses; it orders appends across every node. */
const AUDIT_APPEND_LOCK = 0x5733_a0d1;

/**
 * Appends one entry. Appends take turns under a transaction-scoped advisory lock, so each
 * one reads the hash the previous one committed and seq order is chain order.
 */
export async function recordAuditEntry(db: Db, clock: Clock, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const fields = {
    at: clock.now(),
    actorId: entry.actorId,
    action: entry.action,
    subjectUserId: entry.subjectUserId ?? null,
    reason: entry.reason,
    details: normaliseDetails(entry.details),
  };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashAuditEntry(prevHash, fields);
    const [row] = await tx
      .insert(auditLog)
      .values({ ...fields, prevHash, hash })
      .returning({ seq: auditLog.seq });
    return { seq: row.seq, hash };
  });
}

export function createAuditLog(db: Db, clock: Clock): AuditLog {
  return {
    async record(entry) {
      await recordAuditEntry(db, clock, entry);
    },
  };
}
