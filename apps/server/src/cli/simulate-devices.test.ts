import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceDetail, listDevices } from '../modules/devices/list-devices.ts';
import { deviceTelemetry } from '../modules/devices/schema.ts';
import { sendCommand } from '../modules/devices/send-command.ts';
import { client } from '../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../testing/harness.ts';
import { type SimulationProgress, simulateDevices } from './simulate-devices.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => t.close());

describe('steward device simulate', () => {
  it('enrolls N devices through the account and the product API, checks each in every round, and acknowledges what it is sent', async () => {
    const visitor = newVisitor();
    await client(t, visitor).register();
    const userId: string = (await client(t, visitor).signIn()).json().user.id;
    const progress: SimulationProgress[] = [];
    let locked = '';
    const result = await simulateDevices({
      baseUrl,
      email: visitor.email,
      password: visitor.password,
      count: 20,
      rounds: 2,
      concurrency: 8,
      problemRate: 0.5,
      onProgress: async (step) => {
        progress.push(step);
        if (step.phase === 'enroll' && step.done === step.total) {
          const [first] = await listDevices(t.deps, userId);
          locked = first.id;
          await sendCommand(t.deps, { userId, sessionCreatedAt: t.clock.now() }, first.id, { kind: 'lock', confirm: true });
        }
      },
    });
    expect(result).toMatchObject({ enrolled: 20, checkins: 40, commandsAcknowledged: 1 });
    expect(result.checkinP99Ms).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ phase: 'checkin', done: 40, total: 40 });

    const devices = await listDevices(t.deps, userId);
    expect(devices).toHaveLength(20);
    expect(devices.every((d) => d.lastCheckinAt !== null)).toBe(true);
    const ids = devices.map((d) => d.id);
    const [rows] = (await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(deviceTelemetry).where(inArray(deviceTelemetry.deviceId, ids))) as [
      { n: number },
    ];
    expect(rows.n).toBe(40);
    const [lock] = (await deviceDetail(t.deps, userId, locked)).commands;
    expect(lock).toMatchObject({ kind: 'lock', status: 'acknowledged', result: 'locked' });
  });
});
