import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { retentionReport } from '../privacy/retention/retention-report.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { manyDevices, owner } from './device-test-kit.ts';
import { deviceUpkeep } from './jobs.ts';
import { deviceTelemetry } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Months long past, so dropping them cannot touch the check-ins other tests write meanwhile.
const JANUARY = new Date('2001-01-15T10:00:00Z');
const MAY = new Date('2001-05-20T10:00:00Z');

const partitionOf = async (deviceId: string) =>
  (
    await t.deps.db
      .select({ partition: sql<string>`tableoid::regclass::text`, at: deviceTelemetry.recordedAt })
      .from(deviceTelemetry)
      .where(eq(deviceTelemetry.deviceId, deviceId))
  ).map((r) => [r.partition, r.at.toISOString()]);
const exists = async (name: string) =>
  (await t.deps.db.execute<{ found: string | null }>(sql`select to_regclass(${name})::text as found`)).rows[0].found !== null;

describe('telemetry by month', () => {
  it('puts each check-in in its month’s partition, and telemetry-3-months drops a whole old month while keeping the recent one', async () => {
    const me = await owner(t);
    const [phone] = await manyDevices(t, me.userId, 1);
    const checkin = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/devices/checkin',
        headers: { authorization: `Bearer ${phone.token}` },
        payload: { protectionStatus: 'protected', problems: [] },
      });
    t.clock.set(JANUARY);
    expect((await checkin()).statusCode).toBe(200);
    t.clock.set(MAY);
    expect((await checkin()).statusCode).toBe(200);
    expect(await partitionOf(phone.deviceId)).toEqual([
      ['device_telemetry_2001_01', JANUARY.toISOString()],
      ['device_telemetry_2001_05', MAY.toISOString()],
    ]);

    const rule = retentionRule('telemetry-3-months');
    const due = (await retentionReport(t.deps)).find((r) => r.rule === rule.id);
    expect(due?.due).toBeGreaterThanOrEqual(1);
    expect(await runRetention(t.deps, rule)).toBeGreaterThanOrEqual(1);
    expect(await exists('device_telemetry_2001_01')).toBe(false);
    expect(await exists('device_telemetry_2001_05')).toBe(true);
    expect(await partitionOf(phone.deviceId)).toEqual([['device_telemetry_2001_05', MAY.toISOString()]]);

    // The clock going back to a dropped month: the check-in makes the partition again.
    t.clock.set(JANUARY);
    expect((await checkin()).statusCode).toBe(200);
    expect(await exists('device_telemetry_2001_01')).toBe(true);
  });

  it('has next month’s partition made by the daily upkeep before the month begins', async () => {
    t.clock.set(new Date('2001-08-31T23:00:00Z'));
    await deviceUpkeep(t.deps);
    expect(await exists('device_telemetry_2001_09')).toBe(true);
  });
});
