import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../platform/clock.ts';
import { isPersonal } from '../../../platform/datamap/annotate.ts';
import { collectDataMap } from '../../../platform/datamap/collect.ts';
import { startJobs } from '../../../platform/jobs/boss.ts';
import { outboxMessage } from '../../../platform/notify/schema.ts';
import { client, staffClient } from '../../../testing/accounts-client.ts';
import { newVisitor, TEST_MASTER_KEY, type TestApp } from '../../../testing/harness.ts';
import { createOwnTestApp } from '../../../testing/own-database.ts';
import { LONGEST_RATE_LIMIT_WINDOW_MS } from '../../accounts/auth.ts';
import { rateLimits, sessions, signInThrottle, users, verifications } from '../../accounts/schema.ts';
import { consentLedger, mailOpen } from '../schema.ts';
import { registerRetentionJobs } from './jobs.ts';
import { retentionReport } from './retention-report.ts';
import { retentionRule, retentionRules } from './rules.ts';
import { runRetention } from './run-retention.ts';
import { retentionRun } from './schema.ts';

const T0 = new Date('2031-03-01T00:00:00Z');
const YEAR_MS = 365 * DAY_MS;

let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t?.close());
beforeEach(() => t.clock.set(T0));

const rows = async (table: PgTable) => (await t.deps.db.select({ n: count() }).from(table))[0].n;
const report = async (rule: string) => (await retentionReport(t.deps)).find((row) => row.rule === rule);
const run = (rule: string, options = {}) => runRetention(t.deps, retentionRule(rule), options);

async function aUser(deletedAt: Date | null = null): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `retention-${id}@example.test`;
  await t.deps.db.insert(users).values({ id, email, deletedAt, createdAt: T0, updatedAt: T0 });
  return { id, email };
}

describe('retention registry', () => {
  it('defines every retention rule the data map names, and none that no column uses', () => {
    const named = new Set(collectDataMap().flatMap((entry) => (isPersonal(entry.annotation) ? [entry.annotation.retention] : [])));
    const defined = new Set(retentionRules.map((rule) => rule.id));
    expect(
      [...named].filter((id) => !defined.has(id)),
      'named in the data map, not defined',
    ).toEqual([]);
    expect(
      [...defined].filter((id) => !named.has(id)),
      'defined, used by no column',
    ).toEqual([]);
    expect(defined.size).toBe(retentionRules.length);
  });

  it('sweeps delete whole rows, so every column a sweeping rule governs is erased by delete', () => {
    const swept = new Set(retentionRules.filter((rule) => rule.sweep).map((rule) => rule.id));
    const other = collectDataMap().filter((e) => isPersonal(e.annotation) && swept.has(e.annotation.retention) && e.annotation.erase !== 'delete');
    expect(other).toEqual([]);
  });

  it('gives each rule a description, and a reason where it has no sweep', () => {
    for (const rule of retentionRules) {
      expect(rule.description.length, rule.id).toBeGreaterThan(30);
      expect(Boolean(rule.sweep) !== Boolean(rule.kept), rule.id).toBe(true);
    }
  });
});

/** For each rule that expires rows: make one row whose retention starts at `since`. */
const expiring: Array<{ rule: string; table: PgTable; keepMs: number; make(since: Date): Promise<unknown> }> = [
  {
    rule: 'session-ended',
    table: sessions,
    keepMs: 0,
    make: async (since) => {
      const user = await aUser();
      await t.deps.db.insert(sessions).values({ id: randomUUID(), token: randomUUID(), userId: user.id, expiresAt: since, createdAt: T0, updatedAt: T0 });
    },
  },
  {
    rule: 'verification-expired',
    table: verifications,
    keepMs: 0,
    make: (since) =>
      t.deps.db.insert(verifications).values({ id: randomUUID(), identifier: `x-${randomUUID()}@example.test`, value: randomUUID(), expiresAt: since }),
  },
  {
    rule: 'rate-limit-window',
    table: rateLimits,
    keepMs: LONGEST_RATE_LIMIT_WINDOW_MS,
    make: (since) => t.deps.db.insert(rateLimits).values({ id: randomUUID(), key: `10.0.0.1/${randomUUID()}`, count: 3, lastRequest: since.getTime() }),
  },
  {
    rule: 'throttle-1-day',
    table: signInThrottle,
    keepMs: DAY_MS,
    make: (since) => t.deps.db.insert(signInThrottle).values({ keyHash: randomUUID(), failures: 2, updatedAt: since }),
  },
  {
    rule: 'outbox-30-days',
    table: outboxMessage,
    keepMs: 30 * DAY_MS,
    make: (since) => t.deps.db.insert(outboxMessage).values({ channel: 'email', recipient: 'a@example.test', subject: 's', body: 'b', createdAt: since }),
  },
  {
    rule: 'mail-open-90-days',
    table: mailOpen,
    keepMs: 90 * DAY_MS,
    make: (since) => t.deps.db.insert(mailOpen).values({ userId: randomUUID(), messageId: randomUUID(), openedAt: since }),
  },
];

describe('retention sweeps (time travel)', () => {
  for (const c of expiring) {
    it(`${c.rule}: removes what is due after the clock passes the rule, keeps the rest, and a second run removes nothing`, async () => {
      const base = await rows(c.table);
      const old = new Date(T0.getTime() + 60_000);
      const young = new Date(T0.getTime() + DAY_MS);
      await c.make(old);
      await c.make(young);
      expect((await report(c.rule))?.due).toBe(0);

      t.clock.set(new Date(T0.getTime() + c.keepMs + 12 * 60 * 60 * 1000));
      const before = await report(c.rule);
      expect(before?.due).toBe(1);
      expect(before?.oldest?.getTime()).toBeLessThanOrEqual(old.getTime());

      expect(await run(c.rule)).toBe(1);
      expect(await rows(c.table)).toBe(base + 1);
      expect(await run(c.rule)).toBe(0);

      const after = await report(c.rule);
      expect(after?.due).toBe(0);
      expect(after?.oldest).toEqual(young);
      expect(after?.lastRun).toMatchObject({ rows: 0, error: null });
      expect(after?.lastRun?.finishedAt).not.toBeNull();
      // Tidy up for the next case's counts: the young row is due a day later.
      t.clock.advance(2 * DAY_MS);
      await run(c.rule);
    });
  }

  it('consent-proof-3-years keeps a choice in force for ever, and a replaced or withdrawn one three years after it ended', async () => {
    const person = randomUUID();
    const visitor = randomUUID();
    const at = (years: number) => new Date(T0.getTime() + years * YEAR_MS);
    const consent = (values: Partial<typeof consentLedger.$inferInsert>) =>
      t.deps.db
        .insert(consentLedger)
        .values({ purpose: 'news', granted: true, noticeVersion: 'v1', source: 'test', ...values })
        .returning({ id: consentLedger.id });
    const [newsOn] = await consent({ userId: person, createdAt: at(0) });
    const [newsOff] = await consent({ userId: person, granted: false, createdAt: at(1) });
    const [surveys] = await consent({ userId: person, purpose: 'surveys', createdAt: at(0) });
    const [firstChoice] = await consent({ visitorId: visitor, purpose: 'analytics', createdAt: at(0) });
    const [secondChoice] = await consent({ visitorId: visitor, purpose: 'analytics', createdAt: at(2) });
    const ids = [newsOn.id, newsOff.id, surveys.id, firstChoice.id, secondChoice.id];
    const held = async () =>
      (await t.deps.db.select({ id: consentLedger.id }).from(consentLedger).where(inArray(consentLedger.id, ids))).map((r) => r.id).sort();

    t.clock.set(at(3.9));
    expect(await run('consent-proof-3-years')).toBe(0);
    t.clock.set(at(4.1));
    expect((await report('consent-proof-3-years'))?.due).toBe(2);
    expect(await run('consent-proof-3-years')).toBe(2);
    expect(await held()).toEqual([surveys.id, firstChoice.id, secondChoice.id].sort());
    t.clock.set(at(50));
    expect(await run('consent-proof-3-years')).toBe(1);
    expect(await held()).toEqual([surveys.id, secondChoice.id].sort());
  });

  it('a sweep interrupted after its first batch leaves whole batches and finishes on the next run', async () => {
    const user = await aUser();
    const expired = new Date(T0.getTime() - 60_000);
    for (let i = 0; i < 25; i++) {
      await t.deps.db.insert(sessions).values({ id: randomUUID(), token: randomUUID(), userId: user.id, expiresAt: expired, createdAt: T0, updatedAt: T0 });
    }
    const crash = () => {
      throw new Error('worker killed between batches');
    };
    await expect(run('session-ended', { batchSize: 10, afterBatch: crash })).rejects.toThrow('worker killed');
    expect(await rows(sessions)).toBe(15);
    const interrupted = await report('session-ended');
    expect(interrupted?.due).toBe(15);
    expect(interrupted?.lastRun).toMatchObject({ rows: 10, error: 'worker killed between batches' });

    expect(await run('session-ended', { batchSize: 10 })).toBe(15);
    expect(await rows(sessions)).toBe(0);
    expect((await report('session-ended'))?.lastRun).toMatchObject({ rows: 15, error: null });
  });

  it('[ACC-5] the account rule purges accounts a month after deletion, resumes after a crash with no account half-purged, and reports it', async () => {
    const due = [await aUser(T0), await aUser(T0), await aUser(T0)];
    const recent = await aUser(new Date(T0.getTime() + 20 * DAY_MS));
    const live = await aUser();
    for (const user of [...due, recent, live]) {
      await t.deps.db.insert(consentLedger).values({ userId: user.id, purpose: 'news', granted: true, noticeVersion: 'v1', source: 'test' });
      await t.deps.db.insert(outboxMessage).values({ channel: 'email', recipient: user.email, subject: 's', body: 'b', subjectUserId: user.id });
    }
    const state = async (user: { id: string }) => {
      const held = [
        // The consent proof is kept under legal obligation (with only an opaque id), so it is not counted here.
        (await t.deps.db.select().from(users).where(eq(users.id, user.id))).length,
        (await t.deps.db.select().from(outboxMessage).where(eq(outboxMessage.subjectUserId, user.id))).length,
      ];
      if (held.every((n) => n > 0)) return 'whole';
      if (held.every((n) => n === 0)) return 'gone';
      return `half: ${held.join(',')}`;
    };

    t.clock.set(new Date(T0.getTime() + 29 * DAY_MS));
    expect(await run('account-deleted-1-month')).toBe(0);
    t.clock.set(new Date(T0.getTime() + 31 * DAY_MS));
    expect((await report('account-deleted-1-month'))?.due).toBe(3);

    const crash = () => {
      throw new Error('worker killed between batches');
    };
    await expect(run('account-deleted-1-month', { batchSize: 2, afterBatch: crash })).rejects.toThrow();
    const afterCrash = await Promise.all(due.map(state));
    expect(afterCrash.filter((s) => s === 'gone')).toHaveLength(2);
    expect(afterCrash.filter((s) => s === 'whole')).toHaveLength(1);

    expect(await run('account-deleted-1-month', { batchSize: 2 })).toBe(1);
    expect(await Promise.all(due.map(state))).toEqual(['gone', 'gone', 'gone']);
    expect(await state(recent)).toBe('whole');
    expect(await state(live)).toBe('whole');
    const row = await report('account-deleted-1-month');
    expect(row).toMatchObject({ due: 0, oldest: recent && new Date(T0.getTime() + 20 * DAY_MS), lastRun: { rows: 1, error: null } });
    expect(await run('account-deleted-1-month')).toBe(0);
  });

  it('records every run in retention_run', async () => {
    const runs = await t.deps.db.select().from(retentionRun).where(eq(retentionRun.rule, 'session-ended')).orderBy(desc(retentionRun.id));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.startedAt instanceof Date)).toBe(true);
  });
});

describe('retention schedules', () => {
  it('makes each rule with a sweep a pg-boss schedule whose job runs the sweep and records it', async () => {
    const jobs = await startJobs(t.deps.config.databaseUrl as string, () => {});
    try {
      await registerRetentionJobs({ ...t.deps, jobs }, jobs);
      const schedules = new Map((await jobs.getSchedules()).map((s) => [s.name, s.cron]));
      for (const rule of retentionRules) expect(schedules.get(`retention.${rule.id}`), rule.id).toBe(rule.sweep?.cron);
      const before = await t.deps.db.select({ n: count() }).from(retentionRun).where(eq(retentionRun.rule, 'throttle-1-day'));
      await jobs.send('retention.throttle-1-day', {});
      await expect
        .poll(async () => (await t.deps.db.select({ n: count() }).from(retentionRun).where(eq(retentionRun.rule, 'throttle-1-day')))[0].n, { timeout: 15_000 })
        .toBe(before[0].n + 1);
    } finally {
      await jobs.stop({ graceful: false });
    }
  });
});

describe('retention report', () => {
  it('shows kept rules without a sweep', async () => {
    const audit = await report('audit-6-years');
    expect(audit).toMatchObject({ schedule: null, due: 0, lastRun: null });
    expect(audit?.kept).toContain('legal obligation');
  });

  it('GET /api/staff/retention answers admin and dpo, not support or customers', async () => {
    const staff = (role: 'admin' | 'support' | 'dpo') => staffClient(t, role);
    t.clock.set(new Date());
    const response = await (await staff('dpo')).request('GET', '/api/staff/retention');
    expect(response.statusCode).toBe(200);
    const rules = response.json().rules;
    expect(rules.map((r: { rule: string }) => r.rule).sort()).toEqual(retentionRules.map((r) => r.id).sort());
    const sessionRule = rules.find((r: { rule: string }) => r.rule === 'session-ended');
    expect(sessionRule).toMatchObject({ schedule: '7 * * * *', lastRun: { rows: 15 } });
    expect((await (await staff('admin')).request('GET', '/api/staff/retention')).statusCode).toBe(200);
    expect((await (await staff('support')).request('GET', '/api/staff/retention')).statusCode).toBe(403);
    expect((await client(t, newVisitor()).request('GET', '/api/staff/retention')).statusCode).toBe(401);
  });

  it('steward retention report prints each rule with its count and last run', async () => {
    const main = new URL('../../../main.ts', import.meta.url).pathname;
    const env = {
      ...process.env,
      BASE_URL: 'http://localhost:3000',
      DATABASE_URL: t.deps.config.databaseUrl as string,
      STEWARD_MASTER_KEY: TEST_MASTER_KEY,
      STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-cli-')),
      LOG_LEVEL: 'silent',
    };
    const { stdout } = await promisify(execFile)(process.execPath, [main, 'retention', 'report'], { env });
    for (const rule of retentionRules) expect(stdout).toContain(rule.id);
    expect(stdout).toMatch(/^session-ended\s+0\s+\S+\s+\S+, 15 rows, done$/m);
    expect(stdout).toMatch(/^audit-6-years\s+kept\s/m);
  });
});
