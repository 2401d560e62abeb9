import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { LICENSE_KEPT_AFTER_END_MS } from '../licenses/retention-rules.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { collectSubjectData } from '../privacy/rights/collect-subject-data.ts';
import { eraseSubject } from '../privacy/rights/erase-subject.ts';
import { connect, protectedCustomer, testProvider } from './mailguard-test-kit.ts';
import { SCAN_RECORDS_KEPT_MS } from './retention-rules.ts';
import { runScans } from './run-scans.ts';
import { TEST_THREATS } from './scanner.ts';
import { mailConnection, mailScanDay, mailThreat, SCAN_RECORDS_RETENTION } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const sweep = (rule: string) => runRetention(t.deps, retentionRule(rule));
const YEAR_TERM_MS = 365 * DAY_MS;

async function withThreat() {
  const owner = await protectedCustomer(t);
  const { id, address } = await connect(t, owner, owner.licenseId);
  testProvider(t).deliver(address, { text: TEST_THREATS.eicar });
  await runScans(t.deps);
  return { owner, id, address };
}

describe('retention of mail protection data', () => {
  it('[MAIL-4] keeps the customer’s data while the license runs and for six months after it expired, then deletes all of it', async () => {
    const start = t.clock.now().getTime();
    const { id, address } = await withThreat();
    const held = async () => ({
      connections: (await t.deps.db.select().from(mailConnection).where(eq(mailConnection.id, id))).length,
      threats: (await t.deps.db.select().from(mailThreat).where(eq(mailThreat.connectionId, id))).length,
      days: (await t.deps.db.select().from(mailScanDay).where(eq(mailScanDay.connectionId, id))).length,
    });
    expect(await held()).toEqual({ connections: 1, threats: 1, days: 1 });

    t.clock.set(new Date(start + YEAR_TERM_MS + LICENSE_KEPT_AFTER_END_MS - DAY_MS));
    await sweep('license-expired-6-months');
    expect((await held()).connections).toBe(1);

    t.clock.set(new Date(start + YEAR_TERM_MS + LICENSE_KEPT_AFTER_END_MS + DAY_MS));
    await sweep('license-expired-6-months');
    expect(await held()).toEqual({ connections: 0, threats: 0, days: 0 });
    expect(await findAnywhere(t.deps.pool, [address, ...testProvider(t).grantedTokens(address)])).toEqual([]);
  });

  it(`${SCAN_RECORDS_RETENTION}: threat records and daily counts go after 90 days while the connection stays`, async () => {
    const start = t.clock.now().getTime();
    const { id } = await withThreat();
    t.clock.set(new Date(start + SCAN_RECORDS_KEPT_MS - DAY_MS));
    await sweep(SCAN_RECORDS_RETENTION);
    expect(await t.deps.db.select().from(mailThreat).where(eq(mailThreat.connectionId, id))).toHaveLength(1);
    t.clock.set(new Date(start + SCAN_RECORDS_KEPT_MS + 2 * DAY_MS));
    expect(await sweep(SCAN_RECORDS_RETENTION)).toBeGreaterThanOrEqual(2);
    expect(await t.deps.db.select().from(mailThreat).where(eq(mailThreat.connectionId, id))).toEqual([]);
    expect(await t.deps.db.select().from(mailScanDay).where(eq(mailScanDay.connectionId, id))).toEqual([]);
    expect(await t.deps.db.select().from(mailConnection).where(eq(mailConnection.id, id))).toHaveLength(1);
  });

  it('[RIGHT-1] a personal license’s connection is in its owner’s export and goes with the owner’s erasure', async () => {
    const { owner, id, address } = await withThreat();
    const exported = JSON.stringify(await collectSubjectData(t.deps, owner.userId));
    expect(exported).toContain(address);
    expect(exported).not.toContain(testProvider(t).grantedTokens(address)[0]);
    await eraseSubject(t.deps, { userId: owner.userId, email: owner.visitor.email });
    expect(await t.deps.db.select().from(mailConnection).where(eq(mailConnection.id, id))).toEqual([]);
    expect(await findAnywhere(t.deps.pool, [address])).toEqual([]);
  });
});
