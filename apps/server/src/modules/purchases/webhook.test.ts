import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { customer, paidEvent, postWebhook } from './purchase-test-kit.ts';
import { storeOrder, storeWebhookEvent } from './schema.ts';
import { SIGNATURE_TOLERANCE_SECONDS } from './test-store/webhook-signature.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ordersOf = (userId: string) => t.deps.db.select().from(storeOrder).where(eq(storeOrder.userId, userId));
const eventRow = (eventId: string) => t.deps.db.select().from(storeWebhookEvent).where(eq(storeWebhookEvent.eventId, eventId));

describe('store webhooks', () => {
  it('a replayed event makes one order and one license', async () => {
    const { userId } = await customer(t);
    const event = paidEvent(userId);
    const first = await postWebhook(t, event);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false });
    const replay = await postWebhook(t, event);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: true, duplicate: true });
    expect(await ordersOf(userId)).toHaveLength(1);
    expect(await licenseViews(t.deps, userId)).toHaveLength(1);
    expect(await eventRow(event.eventId)).toHaveLength(1);
  });

  it('a retry with a new event id for the same provider order still makes one order', async () => {
    const { userId } = await customer(t);
    const event = paidEvent(userId, {
      items: [{ licenseTypeId: 'total-security-1y-3', name: 'Three devices', quantity: 2, unitPriceCents: 5995 }],
      totalCents: 11990,
    });
    expect((await postWebhook(t, event)).json().duplicate).toBe(false);
    const retry = await postWebhook(t, { ...event, eventId: `evt_${randomUUID()}` });
    expect(retry.json()).toEqual({ received: true, duplicate: true });
    const [order, ...more] = await ordersOf(userId);
    expect(more).toHaveLength(0);
    expect(order.licenses).toHaveLength(2);
    expect(await licenseViews(t.deps, userId)).toHaveLength(2);
  });

  it('mails the buyer each new activation code, which is stored nowhere but as its hash', async () => {
    const { userId, visitor } = await customer(t);
    await postWebhook(t, paidEvent(userId));
    const [mail] = (await outboxFor(t, visitor.email)).filter((m) => m.subject === 'Your activation code');
    const code = mail.body.match(/[0-9A-Z]{5}(-[0-9A-Z]{5}){4}/)?.[0] as string;
    const [license] = await licenseViews(t.deps, userId);
    expect(code.endsWith(license.codeLastGroup)).toBe(true);
    const { rows } = await t.deps.pool.query(`select 1 from license where code_hash = encode(sha256($1::bytea), 'hex')`, [code]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a wrong signature, a stale timestamp and a tampered body, writing nothing', async () => {
    const { userId } = await customer(t);
    const event = paidEvent(userId);
    const wrongKey = await postWebhook(t, event, { signature: `t=${Math.floor(t.clock.now().getTime() / 1000)},v1=${'ab'.repeat(32)}` });
    const stale = await postWebhook(t, event, { at: new Date(t.clock.now().getTime() - (SIGNATURE_TOLERANCE_SECONDS + 5) * 1000) });
    const tampered = await postWebhook(t, event, { rawBody: JSON.stringify({ ...event, totalCents: 1 }) });
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/store/webhooks/test',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(event),
    });
    for (const response of [wrongKey, stale, tampered, unsigned]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('webhook-signature-invalid');
    }
    expect(stale.json().detail).toMatch(/too old/);
    expect(await ordersOf(userId)).toHaveLength(0);
    expect(await eventRow(event.eventId)).toHaveLength(0);
    expect(await licenseViews(t.deps, userId)).toHaveLength(0);
  });

  it('refuses a signed event of the wrong shape or for an unknown offer, writing nothing', async () => {
    const { userId } = await customer(t);
    const tooMany = paidEvent(userId, { items: [{ licenseTypeId: 'total-security-1y-1', name: 'x', quantity: 11, unitPriceCents: 1 }] });
    const unknownOffer = paidEvent(userId, { items: [{ licenseTypeId: 'no-such-offer', name: 'x', quantity: 1, unitPriceCents: 1 }] });
    for (const event of [tooMany, unknownOffer, { ...paidEvent(userId), extra: true }]) {
      const response = await postWebhook(t, event);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('webhook-invalid');
      expect(await eventRow(event.eventId)).toHaveLength(0);
    }
    expect(await ordersOf(userId)).toHaveLength(0);
  });

  it('answers an unknown provider with 404', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/store/webhooks/acme', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(404);
  });

  it('a refund marks the order refunded and revokes its licenses, once', async () => {
    const { userId, browser } = await customer(t);
    const event = paidEvent(userId);
    await postWebhook(t, event);
    const refund = { type: 'order.refunded', eventId: `evt_${randomUUID()}`, providerOrderId: event.providerOrderId };
    expect((await postWebhook(t, refund)).json()).toEqual({ received: true, duplicate: false });
    expect((await postWebhook(t, refund)).json()).toEqual({ received: true, duplicate: true });
    const [license] = await licenseViews(t.deps, userId);
    expect(license.status).toBe('revoked');
    const [purchase] = (await browser.request('GET', '/api/account/purchases')).json();
    expect(purchase).toMatchObject({ status: 'refunded', licenses: [{ id: license.id }] });
  });

  it('refuses a refund for an order it does not know yet, so the provider sends it again', async () => {
    const refund = { type: 'order.refunded', eventId: `evt_${randomUUID()}`, providerOrderId: `ord_${randomUUID()}` };
    const response = await postWebhook(t, refund);
    expect(response.statusCode).toBe(404);
    expect(await eventRow(refund.eventId)).toHaveLength(0);
  });
});
