import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { Problem } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { FRESH_SESSION_SECONDS } from '../accounts/auth.ts';
import { enrolled, type Owner, owner } from './device-test-kit.ts';
import { deviceUpkeep } from './jobs.ts';
import { COMMAND_KINDS } from './schema.ts';
import { sendCommand } from './send-command.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const send = (who: Owner, deviceId: string, body: unknown) => who.browser.request('POST', `/api/account/devices/${deviceId}/commands`, body);
const detail = async (who: Owner, deviceId: string) => (await who.browser.request('GET', `/api/account/devices/${deviceId}`)).json();

describe('[DEV-3] lock, alarm and wipe from the web', () => {
  it('[DEV-3] each command must be confirmed in the web', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    for (const kind of ['lock', 'alarm', 'wipe']) {
      const unconfirmed = await send(me, phone.deviceId, { kind, confirm: false });
      expect(unconfirmed.statusCode, kind).toBe(400);
      expect(unconfirmed.json().errors[0].field).toBe('confirm');
      const missing = await send(me, phone.deviceId, { kind });
      expect(missing.statusCode, kind).toBe(400);
      expect(missing.json().errors[0].field).toBe('confirm');
    }
    expect((await detail(me, phone.deviceId)).commands).toEqual([]);
  });

  it('[DEV-3] a wipe needs a fresh sign-in; lock and alarm do not', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    t.clock.advance((FRESH_SESSION_SECONDS + 60) * 1000);
    const stale = await send(me, phone.deviceId, { kind: 'wipe', confirm: true });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('fresh-sign-in-required');
    expect((await send(me, phone.deviceId, { kind: 'lock', confirm: true, message: 'Found it? Call 555-0100' })).statusCode).toBe(201);
    expect((await send(me, phone.deviceId, { kind: 'alarm', confirm: true })).statusCode).toBe(201);
    expect((await detail(me, phone.deviceId)).commands.map((c: { kind: string }) => c.kind)).not.toContain('wipe');
    await me.browser.signIn();
    t.clock.set(new Date());
    expect((await send(me, phone.deviceId, { kind: 'wipe', confirm: true })).statusCode).toBe(201);
  });

  it('[DEV-3] commands are delivered at check-in, acknowledged by the device, and the log shows every step', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    const sent: Record<string, string> = {};
    for (const kind of ['lock', 'alarm', 'wipe']) {
      t.clock.advance(1000);
      const answer = await send(me, phone.deviceId, { kind, confirm: true, ...(kind === 'lock' ? { message: 'Please return me' } : {}) });
      expect(answer.statusCode).toBe(201);
      expect(answer.json()).toMatchObject({ kind, status: 'pending', requestedAt: t.clock.now().toISOString(), deliveredAt: null, acknowledgedAt: null });
      sent[kind] = answer.json().id;
    }
    expect((await detail(me, phone.deviceId)).pendingCommands.map((c: { kind: string }) => c.kind)).toEqual(['lock', 'alarm', 'wipe']);

    t.clock.advance(60_000);
    const deliveredAt = t.clock.now().toISOString();
    const { commands } = (await phone.checkin()).json();
    expect(commands).toEqual([
      { id: sent.lock, kind: 'lock', payload: { message: 'Please return me' } },
      { id: sent.alarm, kind: 'alarm', payload: {} },
      { id: sent.wipe, kind: 'wipe', payload: {} },
    ]);
    const delivered = await detail(me, phone.deviceId);
    expect(delivered.commands.map((c: { status: string; deliveredAt: string }) => [c.status, c.deliveredAt])).toEqual([
      ['delivered', deliveredAt],
      ['delivered', deliveredAt],
      ['delivered', deliveredAt],
    ]);

    t.clock.advance(5000);
    expect((await phone.ack(sent.lock, { status: 'acknowledged', result: 'locked' })).statusCode).toBe(204);
    expect((await phone.ack(sent.alarm, { status: 'acknowledged', result: { message: 'Alarm sounded for 2 minutes', seconds: 120 } })).statusCode).toBe(204);
    expect((await phone.ack(sent.wipe, { status: 'failed', result: 'storage is encrypted by another tool' })).statusCode).toBe(204);
    const log = (await detail(me, phone.deviceId)).commands;
    expect(log.map((c: { kind: string; status: string; result: unknown }) => [c.kind, c.status, c.result])).toEqual([
      ['wipe', 'failed', 'storage is encrypted by another tool'],
      ['alarm', 'acknowledged', { message: 'Alarm sounded for 2 minutes', seconds: 120 }],
      ['lock', 'acknowledged', 'locked'],
    ]);
    expect(log.every((c: { acknowledgedAt: string }) => c.acknowledgedAt === t.clock.now().toISOString())).toBe(true);
    expect((await phone.checkin()).json().commands).toEqual([]);
    const again = await phone.ack(sent.lock, { status: 'acknowledged' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('command-closed');
  });

  it('keeps one unanswered command of a kind per device', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    const first = await send(me, phone.deviceId, { kind: 'lock', confirm: true });
    const second = await send(me, phone.deviceId, { kind: 'lock', confirm: true });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('command-pending');
    await phone.checkin();
    expect((await send(me, phone.deviceId, { kind: 'lock', confirm: true })).statusCode).toBe(409);
    await phone.ack(first.json().id, { status: 'acknowledged' });
    expect((await send(me, phone.deviceId, { kind: 'lock', confirm: true })).statusCode).toBe(201);
  });

  it('lets a device acknowledge only its own commands', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    const tablet = await enrolled(t, me, 'Tablet');
    const lock = (await send(me, phone.deviceId, { kind: 'lock', confirm: true })).json();
    const wrong = await tablet.ack(lock.id, { status: 'acknowledged' });
    expect(wrong.statusCode).toBe(404);
    expect((await detail(me, phone.deviceId)).commands[0].status).toBe('pending');
  });

  it('closes commands a device never answered after a week', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    await send(me, phone.deviceId, { kind: 'alarm', confirm: true });
    t.clock.advance(8 * DAY_MS);
    await deviceUpkeep(t.deps);
    const [command] = (await detail(me, phone.deviceId)).commands;
    expect(command.status).toBe('cancelled');
    expect((await phone.checkin()).json().commands).toEqual([]);
  });
});

describe('[ACC-3] the device link is used only for device functions', () => {
  it('[ACC-3] only lock, alarm, wipe and fix can be sent; messages, offers or news cannot', async () => {
    expect([...COMMAND_KINDS].sort()).toEqual(['alarm', 'fix', 'lock', 'wipe']);
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    for (const kind of ['message', 'offer', 'news', 'survey', 'notify']) {
      const answer = await send(me, phone.deviceId, { kind, confirm: true, message: 'Buy the premium plan' });
      expect(answer.statusCode, kind).toBe(400);
      expect(answer.json().errors[0].field).toBe('kind');
      const direct = sendCommand(t.deps, { userId: me.userId, sessionCreatedAt: t.clock.now() }, phone.deviceId, { kind, confirm: true });
      await expect(direct).rejects.toBeInstanceOf(Problem);
    }
    expect((await phone.checkin()).json().commands).toEqual([]);
    expect((await detail(me, phone.deviceId)).commands).toEqual([]);
  });

  it('[ACC-3] a message rides only on lock and alarm, never on its own or on a wipe or fix', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me, 'Phone');
    const wipe = await send(me, phone.deviceId, { kind: 'wipe', confirm: true, message: 'Spring sale!' });
    expect(wipe.statusCode).toBe(400);
    expect(wipe.json().errors[0].field).toBe('message');
  });
});
