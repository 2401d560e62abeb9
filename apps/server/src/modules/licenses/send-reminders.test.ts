import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { renewLicense } from './renew-license.ts';
import { revokeLicense } from './revoke-license.ts';
import { sendExpiryReminders } from './send-reminders.ts';
import { type Customer, customer, issue } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const HOUR_MS = 60 * 60 * 1000;

async function reminders(who: Customer) {
  return (await outboxFor(t, who.visitor.email)).filter((m) => m.subject.endsWith('license ends soon'));
}

async function optIn(who: Customer, reminders = true) {
  const response = await who.browser.request('PUT', '/api/account/license-reminders', { reminders });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Runs the daily job `days` days (less an hour) before `expiresAt`. */
async function runAt(expiresAt: Date, days: number) {
  t.clock.set(new Date(expiresAt.getTime() - days * DAY_MS + HOUR_MS));
  await sendExpiryReminders(t.deps);
}

async function ownedLicense(who: Customer, typeId = 'total-security-1y-1') {
  const { id, code } = await issue(t, typeId, who.userId);
  const view = (await who.browser.request('GET', '/api/account/licenses')).json().find((l: { id: string }) => l.id === id);
  return { id, code, expiresAt: new Date(view.expiresAt) };
}

describe('expiry reminders', () => {
  it('[LIC-2] are off by default and are a consent record the owner can give and withdraw', async () => {
    const me = await customer(t);
    const initial = (await me.browser.request('GET', '/api/account/license-reminders')).json();
    expect(initial).toMatchObject({ reminders: false });
    expect(typeof initial.noticeVersion).toBe('string');
    expect(await optIn(me)).toMatchObject({ reminders: true, noticeVersion: initial.noticeVersion });
    expect(await optIn(me, false)).toMatchObject({ reminders: false });
    const wrong = await me.browser.request('PUT', '/api/account/license-reminders', { reminders: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('reminders');
  });

  it('[LIC-2] go out 30, 7 and 1 days before expiry, once each, and only to owners who opted in', async () => {
    const me = await customer(t);
    const silent = await customer(t);
    await optIn(me);
    const license = await ownedLicense(me);
    const theirs = await ownedLicense(silent);
    // Two nodes running the job at once still send one reminder.
    t.clock.set(new Date(license.expiresAt.getTime() - 30 * DAY_MS + HOUR_MS));
    await Promise.all([sendExpiryReminders(t.deps), sendExpiryReminders(t.deps)]);
    expect(await reminders(me)).toHaveLength(1);
    for (const days of [30, 30, 20, 7, 7, 3, 1, 1]) {
      await runAt(license.expiresAt, days);
      await runAt(theirs.expiresAt, days);
    }
    const sent = await reminders(me);
    expect(sent).toHaveLength(3);
    expect(sent.map((m) => m.body.match(/in (\d+) days?/)?.[1]).sort()).toEqual(['1', '30', '7']);
    for (const mail of sent) {
      expect(mail.body).toContain('Steward Total Security');
      expect(mail.body).not.toContain(license.code);
      expect(mail.body).not.toContain(license.code.slice(-5));
    }
    expect(await reminders(silent)).toHaveLength(0);
  });

  it('[LIC-2] none after the owner withdrew, none while processing is restricted', async () => {
    const withdrawn = await customer(t);
    const restricted = await customer(t);
    await optIn(withdrawn);
    await optIn(restricted);
    const first = await ownedLicense(withdrawn);
    const second = await ownedLicense(restricted);
    expect((await restricted.browser.request('POST', '/api/privacy/restriction', { restricted: true })).statusCode).toBe(200);
    await runAt(first.expiresAt, 30);
    expect(await reminders(withdrawn)).toHaveLength(1);
    await optIn(withdrawn, false);
    await runAt(first.expiresAt, 7);
    await runAt(first.expiresAt, 1);
    expect(await reminders(withdrawn)).toHaveLength(1);

    for (const days of [30, 7, 1]) await runAt(second.expiresAt, days);
    expect(await reminders(restricted)).toHaveLength(0);
    // A restricted account cannot switch reminders on either: that would be new processing.
    expect((await withdrawn.browser.request('POST', '/api/privacy/restriction', { restricted: true })).statusCode).toBe(200);
    expect((await withdrawn.browser.request('PUT', '/api/account/license-reminders', { reminders: true })).json().code).toBe('processing-restricted');
  });

  it('[LIC-2] a renewed term is reminded again at its own end; a revoked or perpetual license never is', async () => {
    const me = await customer(t);
    await optIn(me);
    const license = await ownedLicense(me);
    await runAt(license.expiresAt, 30);
    const { expiresAt } = await renewLicense(t.deps, { licenseId: license.id, termDays: 365 });
    expect(expiresAt.getTime()).toBe(license.expiresAt.getTime() + 365 * DAY_MS);
    await runAt(license.expiresAt, 7);
    expect(await reminders(me)).toHaveLength(1);
    await runAt(expiresAt, 30);
    expect(await reminders(me)).toHaveLength(2);
    t.clock.set(new Date());
    await ownedLicense(me, 'total-security-perpetual-1');
    const revoked = await ownedLicense(me);
    await revokeLicense(t.deps, revoked.id);
    for (const days of [30, 7, 1]) await runAt(revoked.expiresAt, days);
    expect(await reminders(me)).toHaveLength(2);
  });

  it('[LIC-2] auto-renewal is a separate opt-in: off by default, independent of reminders, only for subscriptions', async () => {
    const me = await customer(t);
    const license = await ownedLicense(me);
    const trial = await ownedLicense(me, 'total-security-trial-30d');
    const perpetual = await ownedLicense(me, 'total-security-perpetual-1');
    const licenses = (await me.browser.request('GET', '/api/account/licenses')).json();
    expect(licenses.map((l: { autoRenew: boolean }) => l.autoRenew)).toEqual([false, false, false]);

    const on = await me.browser.request('PATCH', `/api/account/licenses/${license.id}`, { autoRenew: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ id: license.id, autoRenew: true });
    expect((await me.browser.request('GET', '/api/account/license-reminders')).json().reminders).toBe(false);
    await optIn(me);
    await optIn(me, false);
    expect((await me.browser.request('GET', '/api/account/licenses')).json().find((l: { id: string }) => l.id === license.id).autoRenew).toBe(true);
    for (const other of [trial, perpetual]) {
      const refused = await me.browser.request('PATCH', `/api/account/licenses/${other.id}`, { autoRenew: true });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('auto-renew-unavailable');
    }
    await optIn(me);
    await runAt(license.expiresAt, 30);
    expect((await reminders(me))[0].body).toContain('renews by itself');
    expect((await me.browser.request('PATCH', `/api/account/licenses/${license.id}`, { autoRenew: false })).json().autoRenew).toBe(false);
  });
});
