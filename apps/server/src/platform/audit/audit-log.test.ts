import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TestClock } from '../clock.ts';
import { columnsOf } from '../datamap/annotate.ts';
import { type Db, openDatabase } from '../db/pool.ts';
import { GENESIS_HASH, hashAuditEntry } from './hash-audit-entry.ts';
import { listAuditEntries } from './list-audit-entries.ts';
import { createAuditLog, recordAuditEntry } from './record-audit-entry.ts';
import { auditLog } from './schema.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const database = openDatabase(inject('databaseUrl'));
const clock = new TestClock(new Date('2025-03-01T10:00:00.123Z'));

afterAll(async () => {
  await database.close();
});

// Other test files share the table, so each test uses an actor of its own.
function actor(): string {
  return `staff-${randomUUID()}`;
}

/** Runs `work` in a transaction that is always rolled back, with the guard off, as the owner could. */
async function withTriggerDisabled<T>(work: (db: Db, query: (text: string, values?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('alter table audit_log disable trigger user');
    return await work(drizzle(client) as Db, (text, values) => client.query(text, values));
  } finally {
    await client.query('rollback');
    client.release();
  }
}

describe('audit log', () => {
  it('chains entries and the chain verifies', async () => {
    const actorId = actor();
    const first = await recordAuditEntry(database.db, clock, { actorId, action: 'account.view', reason: 'ticket 41', subjectUserId: 'user-1' });
    clock.advance(1000);
    await createAuditLog(database.db, clock).record({
      actorId,
      action: 'account.export',
      reason: 'DSR 7',
      details: { z: 1, a: { when: new Date('2025-01-01T00:00:00Z'), list: [1, 'two'] }, gone: undefined },
    });
    const entries = await listAuditEntries(database.db, { actorId, limit: 10 });
    expect(entries.map((e) => e.action)).toEqual(['account.export', 'account.view']);
    expect(entries[1]).toMatchObject({ seq: first.seq, subjectUserId: 'user-1', at: '2025-03-01T10:00:00.123Z' });
    expect(entries[0].details).toEqual({ z: 1, a: { when: '2025-01-01T00:00:00.000Z', list: [1, 'two'] } });
    const report = await verifyAuditChain(database.db);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThanOrEqual(2);
  });

  it('hashes the same entry the same way whatever the key order of its details', () => {
    const base = { at: new Date(0), actorId: 'a', action: 'x', subjectUserId: null, reason: 'r' };
    const one = hashAuditEntry(GENESIS_HASH, { ...base, details: { a: 1, b: { c: 2, d: 3 } } });
    const two = hashAuditEntry(GENESIS_HASH, { ...base, details: { b: { d: 3, c: 2 }, a: 1 } });
    expect(one).toBe(two);
    expect(hashAuditEntry(GENESIS_HASH, { ...base, details: { a: 2, b: { c: 2, d: 3 } } })).not.toBe(one);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { seq } = await recordAuditEntry(database.db, clock, { actorId: actor(), action: 'a', reason: 'r' });
    await expect(database.pool.query('update audit_log set reason = $1 where seq = $2', ['edited', seq])).rejects.toThrow(/append-only/);
    await expect(database.pool.query('delete from audit_log where seq = $1', [seq])).rejects.toThrow(/append-only/);
    // In a transaction that is rolled back, in case the guard were missing.
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await expect(client.query('truncate audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await client.query('rollback');
      client.release();
    }
    const [row] = (await database.pool.query('select reason from audit_log where seq = $1', [seq])).rows;
    expect(row.reason).toBe('r');
  });

  it('finds an edited entry', async () => {
    const actorId = actor();
    const { seq } = await recordAuditEntry(database.db, clock, { actorId, action: 'a', reason: 'the real reason' });
    await recordAuditEntry(database.db, clock, { actorId, action: 'b', reason: 'r' });
    const report = await withTriggerDisabled(async (db, query) => {
      await query('update audit_log set reason = $1 where seq = $2', ['a nicer reason', seq]);
      return verifyAuditChain(db);
    });
    expect(report).toMatchObject({ ok: false, firstBadSeq: seq });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('finds a removed entry at the one after it', async () => {
    const actorId = actor();
    const { seq } = await recordAuditEntry(database.db, clock, { actorId, action: 'a', reason: 'r' });
    await recordAuditEntry(database.db, clock, { actorId, action: 'b', reason: 'r' });
    const { report, next } = await withTriggerDisabled(async (db, query) => {
      await query('delete from audit_log where seq = $1', [seq]);
      const result = (await query('select min(seq)::int as next from audit_log where seq > $1', [seq])) as { rows: { next: number }[] };
      return { report: await verifyAuditChain(db), next: result.rows[0].next };
    });
    expect(report).toMatchObject({ ok: false, firstBadSeq: next });
  });

  it('keeps a valid chain under 50 concurrent appends', async () => {
    const actorId = actor();
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAuditEntry(database.db, clock, { actorId, action: 'bulk', reason: `n${i}`, details: { i } })));
    const mine = await listAuditEntries(database.db, { actorId, limit: 100 });
    expect(mine).toHaveLength(50);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    // Small batches, so the walk crosses many batch boundaries.
    expect(await verifyAuditChain(database.db, 7)).toMatchObject({ ok: true });
  });

  it('pages a subject’s entries newest first', async () => {
    const subjectUserId = `user-${randomUUID()}`;
    for (let i = 0; i < 5; i++) await recordAuditEntry(database.db, clock, { actorId: actor(), action: `view-${i}`, reason: 'r', subjectUserId });
    const page1 = await listAuditEntries(database.db, { subjectUserId, limit: 3 });
    const page2 = await listAuditEntries(database.db, { subjectUserId, limit: 3, before: page1[2].seq });
    expect([...page1, ...page2].map((e) => e.action)).toEqual(['view-4', 'view-3', 'view-2', 'view-1', 'view-0']);
  });

  it('annotates every column in the data map', () => {
    for (const entry of columnsOf(auditLog)) {
      expect(entry.structural || entry.annotation !== undefined, entry.column).toBe(true);
    }
  });
});
