import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { GENESIS_HASH, hashAuditEntry } from './hash-audit-entry.ts';
import { auditLog } from './schema.ts';

export interface ChainReport {
  ok: boolean;
  /** Entries checked, up to and including the first bad one. */
  entries: number;
  firstBadSeq?: number;
}

/**
 * Recomputes every hash in seq order. An edited row fails its own hash; a removed or
 * reordered row fails the next row's link. Reads in batches so a long log never sits in memory.
 * Removing entries from the end leaves a valid chain: compare the last hash with one kept
 * elsewhere to catch that.
 */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const row of rows) {
      entries += 1;
      const expected = hashAuditEntry(prevHash, row);
      if (row.prevHash !== prevHash || row.hash !== expected) return { ok: false, entries, firstBadSeq: row.seq };
      prevHash = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < batchSize) return { ok: true, entries };
  }
}
