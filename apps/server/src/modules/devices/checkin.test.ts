import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { checkins } from './checkin.ts';
import { deviceApi, enrolled, manyDevices, owner } from './device-test-kit.ts';
import { hashSecret } from './device-token.ts';
import { recordCheckins } from './record-checkins.ts';
import { device, deviceProblem, deviceTelemetry } from './schema.ts';
import { telemetryMonths } from './telemetry-months.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const firewall = { code: 'firewall-off', detail: 'The firewall is switched off', fixable: true };
const restart = { code: 'restart-required', detail: 'An update waits for a restart', fixable: false };

async function telemetryOf(deviceId: string) {
  return t.deps.db.select().from(deviceTelemetry).where(eq(deviceTelemetry.deviceId, deviceId));
}

describe('[DEV-2] check-ins: protection status, version and problems', () => {
  it('[DEV-2] the owner sees the status, version, open problems and last check-in a device reported', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me);
    const answer = await laptop.checkin({ protectionStatus: 'at-risk', productVersion: '24.4.0', problems: [firewall, restart] });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ commands: [] });
    const [shown] = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(shown).toMatchObject({ protectionStatus: 'at-risk', productVersion: '24.4.0', lastCheckinAt: t.clock.now().toISOString(), pendingCommands: [] });
    expect(shown.problems.map((p: { code: string; fixable: boolean; detail: string }) => [p.code, p.fixable, p.detail])).toEqual([
      ['firewall-off', true, firewall.detail],
      ['restart-required', false, restart.detail],
    ]);

    t.clock.advance(60_000);
    expect((await laptop.checkin({ protectionStatus: 'protected', problems: [restart] })).statusCode).toBe(200);
    const [later] = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(later).toMatchObject({ protectionStatus: 'protected', productVersion: '24.4.0', lastCheckinAt: t.clock.now().toISOString() });
    expect(later.problems.map((p: { code: string }) => p.code)).toEqual(['restart-required']);
    const history = await t.deps.db.select().from(deviceProblem).where(eq(deviceProblem.deviceId, laptop.deviceId));
    expect(history.find((p) => p.code === 'firewall-off')?.resolvedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect((await telemetryOf(laptop.deviceId)).map((r) => r.problems)).toEqual(
      expect.arrayContaining([['firewall-off', 'restart-required'], ['restart-required']]),
    );
  });

  it('[DEV-2] a fix is sent as a command, delivered at the next check-in, acknowledged, and the problem is resolved', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me);
    await laptop.checkin({ protectionStatus: 'at-risk', problems: [firewall, restart] });
    const [shown] = (await me.browser.request('GET', '/api/account/devices')).json();
    const problemOf = (code: string) => shown.problems.find((p: { code: string }) => p.code === code).id;
    const commands = `/api/account/devices/${laptop.deviceId}/commands`;

    const notFixable = await me.browser.request('POST', commands, { kind: 'fix', confirm: true, problemId: problemOf('restart-required') });
    expect(notFixable.statusCode).toBe(409);
    expect(notFixable.json().code).toBe('problem-not-fixable');
    const unnamed = await me.browser.request('POST', commands, { kind: 'fix', confirm: true });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().errors[0].field).toBe('problemId');

    const sent = await me.browser.request('POST', commands, { kind: 'fix', confirm: true, problemId: problemOf('firewall-off') });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      kind: 'fix',
      status: 'pending',
      deliveredAt: null,
      payload: { problemId: problemOf('firewall-off'), code: 'firewall-off' },
    });
    const [listed] = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(listed.pendingCommands.map((c: { id: string }) => c.id)).toEqual([sent.json().id]);

    t.clock.advance(30_000);
    const delivered = (await laptop.checkin({ protectionStatus: 'at-risk', problems: [firewall, restart] })).json().commands;
    expect(delivered).toEqual([{ id: sent.json().id, kind: 'fix', payload: { problemId: problemOf('firewall-off'), code: 'firewall-off' } }]);
    const detail = (await me.browser.request('GET', `/api/account/devices/${laptop.deviceId}`)).json();
    expect(detail.commands[0]).toMatchObject({ status: 'delivered', deliveredAt: t.clock.now().toISOString() });

    expect((await laptop.ack(sent.json().id, { status: 'acknowledged', result: 'firewall on' })).statusCode).toBe(204);
    const after = (await me.browser.request('GET', `/api/account/devices/${laptop.deviceId}`)).json();
    expect(after.problems.map((p: { code: string }) => p.code)).toEqual(['restart-required']);
    expect(after.commands[0]).toMatchObject({ status: 'acknowledged', result: 'firewall on' });
    expect(after.pendingCommands).toEqual([]);
    expect((await laptop.checkin({ protectionStatus: 'protected', problems: [restart] })).json().commands).toEqual([]);
  });
});

describe('device tokens', () => {
  it('are refused when missing, malformed, with a wrong secret, or without the scope (401)', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me);
    const report = { protectionStatus: 'protected', problems: [] };
    const [id, secret] = laptop.token.split('.');
    const wrongSecret = `${id}.${secret.slice(0, -2)}${secret.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const token of [null, 'nonsense', wrongSecret, `${crypto.randomUUID()}.${secret}`]) {
      const answer = await deviceApi(t, token)('/api/v1/devices/checkin', report);
      expect(answer.statusCode, String(token)).toBe(401);
      expect(answer.json().code).toBe('device-unauthenticated');
    }
    await t.deps.db
      .update(device)
      .set({ tokenScopes: ['licenses'] })
      .where(eq(device.id, laptop.deviceId));
    expect((await laptop.checkin(report)).statusCode).toBe(401);
    expect((await laptop.ack(crypto.randomUUID())).statusCode).toBe(401);
    expect(await telemetryOf(laptop.deviceId)).toEqual([]);
  });

  it('are stored only hashed: the token is found nowhere in the database', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me);
    expect((await laptop.checkin()).statusCode).toBe(200);
    const secret = laptop.token.split('.')[1];
    expect(await findAnywhere(t.deps.pool, [laptop.token, secret])).toEqual([]);
    const [row] = await t.deps.db.select({ tokenHash: device.tokenHash }).from(device).where(eq(device.id, laptop.deviceId));
    expect(row.tokenHash).toBe(hashSecret(secret));
  });

  it('stop working at once when the owner unlinks the device, and its check-ins, problems and commands go with it', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me);
    await laptop.checkin({ protectionStatus: 'at-risk', problems: [firewall] });
    expect((await me.browser.request('POST', `/api/account/devices/${laptop.deviceId}/commands`, { kind: 'lock', confirm: true })).statusCode).toBe(201);
    expect((await me.browser.request('DELETE', `/api/account/devices/${laptop.deviceId}`)).statusCode).toBe(204);
    expect((await laptop.checkin()).statusCode).toBe(401);
    expect((await me.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    expect(await telemetryOf(laptop.deviceId)).toEqual([]);
    expect(await t.deps.db.select().from(deviceProblem).where(eq(deviceProblem.deviceId, laptop.deviceId))).toEqual([]);
    const commands = await t.deps.db.execute(sql`select 1 from device_command where device_id = ${laptop.deviceId}`);
    expect(commands.rows).toEqual([]);
  });
});

describe('group commit of check-ins', () => {
  it('stores 200 concurrent check-ins, one row each, in a few transactions, answering each only after its commit', async () => {
    const me = await owner(t);
    const devices = await manyDevices(t, me.userId, 200);
    const seenAtAnswer: number[] = [];
    await Promise.all(
      devices.map(async ({ deviceId, token }, i) => {
        const answer = await deviceApi(t, token)('/api/v1/devices/checkin', { protectionStatus: i % 2 ? 'protected' : 'at-risk', problems: [] });
        expect(answer.statusCode).toBe(200);
        // Read on another connection the moment the answer arrives: the row is already committed.
        const { rows } = await t.deps.pool.query('select count(*)::int as n from device_telemetry where device_id = $1', [deviceId]);
        seenAtAnswer.push(rows[0].n);
      }),
    );
    expect(seenAtAnswer).toEqual(devices.map(() => 1));
    const ids = devices.map((d) => d.deviceId);
    const rows = await t.deps.db
      .select({ deviceId: deviceTelemetry.deviceId, tx: sql<string>`xmin::text` })
      .from(deviceTelemetry)
      .where(inArray(deviceTelemetry.deviceId, ids));
    expect(new Set(rows.map((r) => r.deviceId)).size).toBe(200);
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.tx)).size).toBeLessThan(40);
    const states = await t.deps.db.select({ status: device.protectionStatus, last: device.lastCheckinAt }).from(device).where(inArray(device.id, ids));
    expect(states.every((s) => s.last !== null && s.status !== 'unknown')).toBe(true);
  });

  it('stores every check-in of a device that reports twice in one batch, keeps the newest state, and refuses a forged one beside them', async () => {
    const me = await owner(t);
    const [one] = await manyDevices(t, me.userId, 1);
    const secret = one.token.split('.')[1];
    const at = (ms: number) => new Date(t.clock.now().getTime() + ms);
    const outcomes = await recordCheckins(t.deps, telemetryMonths(t.deps), [
      { deviceId: one.deviceId, secret, at: at(2000), report: { protectionStatus: 'at-risk', problems: [firewall, firewall] } },
      {
        deviceId: one.deviceId,
        secret: `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
        at: at(3000),
        report: { protectionStatus: 'unprotected', problems: [] },
      },
      { deviceId: one.deviceId, secret, at: at(1000), report: { protectionStatus: 'protected', problems: [] } },
    ]);
    expect(outcomes.map((o) => o.accepted)).toEqual([true, false, true]);
    expect((await telemetryOf(one.deviceId)).map((r) => r.protectionStatus).sort()).toEqual(['at-risk', 'protected']);
    const [shown] = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(shown).toMatchObject({ protectionStatus: 'at-risk', lastCheckinAt: at(2000).toISOString() });
    expect(shown.problems.map((p: { code: string }) => p.code)).toEqual(['firewall-off']);
  });

  it('holds a check-in until its batch is written, and writes what is waiting when it closes', async () => {
    const me = await owner(t);
    const [one] = await manyDevices(t, me.userId, 1);
    const recorder = checkins(t.deps, { maxWaitMs: 60_000, maxEntries: 500, maxInFlight: 2 });
    let answered = false;
    const pending = recorder.checkin(one.token, { protectionStatus: 'protected', problems: [] }).then((commands) => {
      answered = true;
      return commands;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    expect(await telemetryOf(one.deviceId)).toEqual([]);
    await recorder.close();
    expect(await pending).toEqual([]);
    expect(await telemetryOf(one.deviceId)).toHaveLength(1);
    await expect(recorder.checkin(one.token, { protectionStatus: 'protected', problems: [] })).rejects.toMatchObject({ status: 503 });
  });
});
