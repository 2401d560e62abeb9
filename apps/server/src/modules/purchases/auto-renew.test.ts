import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobs } from '../../platform/jobs/boss.ts';
import { outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { setAutoRenew } from '../licenses/auto-renew.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { setReminderChoice } from '../licenses/reminder-choice.ts';
import { sendExpiryReminders } from '../licenses/send-reminders.ts';
import { setRestriction } from '../privacy/rights/restriction.ts';
import { AUTO_RENEW_QUEUE, registerPurchaseJobs } from './jobs.ts';
import { buy, cardForm, customer, OFFER } from './purchase-test-kit.ts';
import { runAutoRenewals } from './run-auto-renewals.ts';
import { storeOrder } from './schema.ts';
import { openStore } from './store-providers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HOUR_MS = 60 * 60 * 1000;
const ordersOf = (userId: string) => t.deps.db.select().from(storeOrder).where(eq(storeOrder.userId, userId));
const subjects = async (email: string) => (await outboxFor(t, email)).map((m) => m.subject);

/** A customer with one bought license, a saved card if asked, and auto-renewal and reminders as asked. */
async function owner(options: { card: boolean; autoRenew: boolean; reminders?: boolean }) {
  const who = await customer(t);
  await buy(t, who.browser, { licenseTypeId: OFFER, saveCard: options.card }, cardForm(options.card));
  const [license] = await licenseViews(t.deps, who.userId);
  if (options.autoRenew) await setAutoRenew(t.deps, who.userId, license.id, true);
  if (options.reminders) await setReminderChoice(t.deps, who.userId, true);
  return { ...who, license };
}

describe('auto-renewal', () => {
  it('[LIC-2] [ACC-7] charges only opted-in licenses with a saved card, once, apart from reminders', async () => {
    const autoRenewing = await owner({ card: true, autoRenew: true });
    const remindedOnly = await owner({ card: true, autoRenew: false, reminders: true });
    const withoutCard = await owner({ card: false, autoRenew: true });
    const restricted = await owner({ card: true, autoRenew: true });
    await setRestriction(t.deps, restricted.userId, true);
    const expiresAt = new Date(autoRenewing.license.expiresAt as string);

    t.clock.set(new Date(expiresAt.getTime() - 12 * HOUR_MS));
    const store = openStore(t.deps);
    const [first, second] = await Promise.all([runAutoRenewals(t.deps, store), runAutoRenewals(t.deps, store)]);
    const rerun = await runAutoRenewals(t.deps, store);
    await sendExpiryReminders(t.deps);

    expect(first.failed + second.failed + rerun.failed).toBe(0);
    expect(await ordersOf(autoRenewing.userId)).toHaveLength(2);
    const [renewed] = await licenseViews(t.deps, autoRenewing.userId);
    expect(new Date(renewed.expiresAt as string).getTime() - expiresAt.getTime()).toBe(365 * 86_400_000);
    const [renewal] = (await autoRenewing.browser.request('GET', '/api/account/purchases')).json();
    expect(renewal.items[0].renewsLicenseId).toBe(autoRenewing.license.id);
    expect(await subjects(autoRenewing.visitor.email)).toContain('Your license is renewed');
    expect((await subjects(autoRenewing.visitor.email)).some((s) => s.endsWith('ends soon'))).toBe(false);

    expect(await ordersOf(remindedOnly.userId)).toHaveLength(1);
    expect((await licenseViews(t.deps, remindedOnly.userId))[0].expiresAt).toBe(remindedOnly.license.expiresAt);
    expect((await subjects(remindedOnly.visitor.email)).some((s) => s.endsWith('ends soon'))).toBe(true);

    expect(await ordersOf(withoutCard.userId)).toHaveLength(1);
    expect((await subjects(withoutCard.visitor.email)).filter((s) => s === 'Your license could not be renewed automatically')).toHaveLength(1);

    expect(await ordersOf(restricted.userId)).toHaveLength(1);
    expect(await subjects(restricted.visitor.email)).not.toContain('Your license could not be renewed automatically');
  });

  it('[ACC-7] a repeated charge for the same term is one order', async () => {
    const who = await owner({ card: true, autoRenew: true });
    const store = openStore(t.deps);
    const provider = store.active;
    if (!provider) throw new Error('no store');
    const [card] = (await who.browser.request('GET', '/api/account/cards')).json();
    const { rows } = await t.deps.pool.query('select provider_ref from payment_card where id = $1', [card.id]);
    const items = [{ licenseTypeId: OFFER, name: 'Renewal', quantity: 1, unitPriceCents: 3995, renewsLicenseId: who.license.id }];
    const charge = {
      checkoutId: crypto.randomUUID(),
      userId: who.userId,
      cardRef: rows[0].provider_ref,
      items,
      currency: 'EUR',
      idempotencyKey: `${who.license.id}:term`,
    };
    await provider.chargeSavedCard(charge);
    await provider.chargeSavedCard(charge);
    expect(await ordersOf(who.userId)).toHaveLength(2);
  });

  it('[LIC-2] runs daily as a pg-boss schedule whose job renews what is due', async () => {
    const who = await owner({ card: true, autoRenew: true });
    t.clock.set(new Date(new Date(who.license.expiresAt as string).getTime() - 6 * HOUR_MS));
    const jobs = await startJobs(t.deps.config.databaseUrl as string, () => {});
    try {
      await registerPurchaseJobs({ ...t.deps, jobs }, jobs);
      const schedule = (await jobs.getSchedules()).find((s) => s.name === AUTO_RENEW_QUEUE);
      expect(schedule?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
      await jobs.send(AUTO_RENEW_QUEUE, {});
      await expect.poll(async () => (await ordersOf(who.userId)).length, { timeout: 15_000 }).toBe(2);
    } finally {
      await jobs.stop({ graceful: false });
    }
  });
});
