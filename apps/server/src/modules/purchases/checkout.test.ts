import { eq } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { BASE_URL, createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { buy, cardForm, customer, formOf, OFFER, storePage } from './purchase-test-kit.ts';
import { paymentCard, storeCheckout, storeOrder } from './schema.ts';
import { MAX_OPEN_CHECKOUTS } from './start-checkout.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ordersOf = (userId: string) => t.deps.db.select().from(storeOrder).where(eq(storeOrder.userId, userId));

describe('buying at the test store', () => {
  it('lists what the store sells, without trials', async () => {
    const { browser } = await customer(t);
    const offers = (await browser.request('GET', '/api/store/offers')).json();
    expect(offers.find((o: { id: string }) => o.id === OFFER)).toMatchObject({
      productName: 'Steward Total Security',
      priceCents: 3995,
      currency: 'EUR',
      termDays: 365,
    });
    expect(offers.some((o: { kind: string }) => o.kind === 'trial')).toBe(false);
  });

  it('[ACC-6] a paid checkout shows in the purchase history with its items and license', async () => {
    const { browser, userId } = await customer(t);
    const { checkoutUrl, page, paid } = await buy(t, browser, { licenseTypeId: OFFER, quantity: 2 });
    expect(checkoutUrl).toMatch(new RegExp(`^${BASE_URL}/api/store/test/checkout/`));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Steward Total Security, 1 year, 1 device');
    expect(page.body).toContain('79.90 EUR');
    expect(page.body).not.toContain('<script');
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe('/account/purchases');
    const purchases = (await browser.request('GET', '/api/account/purchases')).json();
    const licenses = await licenseViews(t.deps, userId);
    expect(licenses).toHaveLength(2);
    expect(purchases).toEqual([
      {
        id: expect.any(String),
        placedAt: expect.any(String),
        status: 'paid',
        totalCents: 7990,
        currency: 'EUR',
        items: [{ licenseTypeId: OFFER, name: 'Steward Total Security, 1 year, 1 device', quantity: 2, renewsLicenseId: null }],
        licenses: expect.arrayContaining(licenses.map((l) => ({ id: l.id, codeLastGroup: l.codeLastGroup }))),
      },
    ]);
  });

  it('[ACC-7] no order exists until the user pays the checkout they started', async () => {
    const { browser, userId } = await customer(t);
    const started = await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER });
    expect(started.statusCode).toBe(201);
    expect(await ordersOf(userId)).toHaveLength(0);
    expect(await licenseViews(t.deps, userId)).toHaveLength(0);
    const { checkoutId } = started.json();
    await storePage(t, browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(false));
    expect(await ordersOf(userId)).toHaveLength(1);
    const again = await storePage(t, browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(false));
    expect(again.statusCode).toBe(409);
    expect(await ordersOf(userId)).toHaveLength(1);
  });

  it('[ACC-7] keeps only the card’s reference, last four digits and expiry; the number is nowhere in the database', async () => {
    const { browser, userId } = await customer(t);
    const cardNumber = '4000 0566 5566 5556';
    await buy(t, browser, { licenseTypeId: OFFER, saveCard: true }, cardForm(true, cardNumber));
    expect(
      getTableConfig(paymentCard)
        .columns.map((c) => c.name)
        .sort(),
    ).toEqual(['created_at', 'exp_month', 'exp_year', 'id', 'last4', 'provider', 'provider_ref', 'user_id'].sort());
    const { rows: live } = await t.deps.pool.query(`select column_name from information_schema.columns where table_name = 'payment_card' order by 1`);
    expect(live.map((r) => r.column_name)).toEqual(['created_at', 'exp_month', 'exp_year', 'id', 'last4', 'provider', 'provider_ref', 'user_id']);
    const cards = (await browser.request('GET', '/api/account/cards')).json();
    expect(cards).toEqual([{ id: expect.any(String), last4: '5556', expMonth: 12, expYear: 2099, provider: 'test' }]);
    const [row] = await t.deps.db.select().from(paymentCard).where(eq(paymentCard.userId, userId));
    expect(row.providerRef).toMatch(/^test_card_/);
    expect(await findAnywhere(t.deps.pool, [cardNumber, cardNumber.replaceAll(' ', ''), '400005665566'])).toEqual([]);
  });

  it('the store page’s own form, sent as it stands, pays the checkout and saves the card the user asked to keep', async () => {
    const { browser } = await customer(t);
    const { checkoutUrl } = (await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER, saveCard: true })).json();
    const { action, fields } = formOf((await storePage(t, browser, 'GET', checkoutUrl)).body);
    expect(fields.saveCard).toBe('on');
    const paid = await storePage(t, browser, 'POST', action, fields);
    expect(paid.statusCode).toBe(303);
    expect((await browser.request('GET', '/api/account/purchases')).json()).toHaveLength(1);
    expect((await browser.request('GET', '/api/account/cards')).json()).toHaveLength(1);
  });

  it('[ACC-7] keeps no card unless the user ticks the box', async () => {
    const { browser } = await customer(t);
    await buy(t, browser, { licenseTypeId: OFFER }, cardForm(false));
    expect((await browser.request('GET', '/api/account/cards')).json()).toEqual([]);
  });

  it('[ACC-7] the same card saved twice is one linked card, which the owner unlinks', async () => {
    const { browser } = await customer(t);
    await buy(t, browser, { licenseTypeId: OFFER, saveCard: true }, cardForm(true));
    await buy(t, browser, { licenseTypeId: OFFER, saveCard: true }, cardForm(true));
    const [card, ...more] = (await browser.request('GET', '/api/account/cards')).json();
    expect(more).toHaveLength(0);
    expect((await browser.request('DELETE', `/api/account/cards/${card.id}`)).statusCode).toBe(204);
    expect((await browser.request('GET', '/api/account/cards')).json()).toEqual([]);
    expect((await browser.request('DELETE', `/api/account/cards/${card.id}`)).statusCode).toBe(404);
  });

  it('renews the caller’s own license with a renewal checkout, and refuses someone else’s', async () => {
    const { browser, userId } = await customer(t);
    await buy(t, browser);
    const [license] = await licenseViews(t.deps, userId);
    await buy(t, browser, { licenseTypeId: OFFER, renewsLicenseId: license.id });
    const [renewed, ...others] = await licenseViews(t.deps, userId);
    expect(others).toHaveLength(0);
    expect(new Date(renewed.expiresAt as string).getTime() - new Date(license.expiresAt as string).getTime()).toBe(365 * 86_400_000);
    const [latest] = (await browser.request('GET', '/api/account/purchases')).json();
    expect(latest.items[0].renewsLicenseId).toBe(license.id);
    expect(latest.licenses).toEqual([{ id: license.id, codeLastGroup: license.codeLastGroup }]);

    const other = await customer(t);
    const refused = await other.browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER, renewsLicenseId: license.id });
    expect(refused.statusCode).toBe(404);
    const wrongOffer = await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: 'total-security-1y-3', renewsLicenseId: license.id });
    expect(wrongOffer.statusCode).toBe(400);
    expect(wrongOffer.json().errors[0].field).toBe('licenseTypeId');
  });

  it('refuses a quantity outside 1 to 10, an unknown offer, and too many open checkouts', async () => {
    const { browser } = await customer(t);
    for (const quantity of [0, 11]) {
      const response = await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER, quantity });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('quantity');
    }
    const unknown = await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: 'total-security-trial-30d' });
    expect(unknown.json().errors[0].field).toBe('licenseTypeId');
    for (let n = 0; n < MAX_OPEN_CHECKOUTS; n++)
      expect((await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER })).statusCode).toBe(201);
    const over = await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('too-many-checkouts');
  });

  it('an expired checkout can no longer be paid', async () => {
    const { browser, userId } = await customer(t);
    const { checkoutId } = (await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER })).json();
    await t.deps.db
      .update(storeCheckout)
      .set({ expiresAt: new Date(t.clock.now().getTime() - 1) })
      .where(eq(storeCheckout.id, checkoutId));
    const paid = await storePage(t, browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(false));
    expect(paid.statusCode).toBe(410);
    expect(await ordersOf(userId)).toHaveLength(0);
  });

  it('refuses a payment form sent from another site or with a bad card, and takes one sent from this site', async () => {
    const { browser, userId } = await customer(t);
    const { checkoutId } = (await browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER })).json();
    const crossSite = await t.app.inject({
      method: 'POST',
      url: `/api/store/test/checkout/${checkoutId}/pay`,
      headers: { origin: 'https://evil.example', cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(cardForm(false)).toString(),
    });
    expect(crossSite.statusCode).toBe(403);
    // What Chromium sends under a no-referrer policy: no usable Origin, only fetch metadata.
    const nullOriginCrossSite = await t.app.inject({
      method: 'POST',
      url: `/api/store/test/checkout/${checkoutId}/pay`,
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site', cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(cardForm(false)).toString(),
    });
    expect(nullOriginCrossSite.statusCode).toBe(403);
    const badCard = await storePage(t, browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(false, '1234'));
    expect(badCard.statusCode).toBe(400);
    expect(badCard.json().errors[0].field).toBe('cardNumber');
    expect(await ordersOf(userId)).toHaveLength(0);
    const sameSite = await t.app.inject({
      method: 'POST',
      url: `/api/store/test/checkout/${checkoutId}/pay`,
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin', cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(cardForm(false)).toString(),
    });
    expect(sameSite.statusCode).toBe(303);
    expect(await ordersOf(userId)).toHaveLength(1);
  });
});

describe('another user and an anonymous caller', () => {
  it('cannot open or pay someone’s checkout, see their purchases or delete their card', async () => {
    const owner = await customer(t);
    await buy(t, owner.browser, { licenseTypeId: OFFER, saveCard: true }, cardForm(true));
    const [card] = (await owner.browser.request('GET', '/api/account/cards')).json();
    const { checkoutId, checkoutUrl } = (await owner.browser.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER })).json();

    const intruder = await customer(t);
    expect((await storePage(t, intruder.browser, 'GET', checkoutUrl)).statusCode).toBe(404);
    expect((await storePage(t, intruder.browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(true))).statusCode).toBe(404);
    expect((await intruder.browser.request('GET', '/api/account/purchases')).json()).toEqual([]);
    expect((await intruder.browser.request('GET', '/api/account/cards')).json()).toEqual([]);
    expect((await intruder.browser.request('DELETE', `/api/account/cards/${card.id}`)).statusCode).toBe(404);
    expect(await ordersOf(intruder.userId)).toHaveLength(0);
    expect(await ordersOf(owner.userId)).toHaveLength(1);
    expect((await owner.browser.request('GET', '/api/account/cards')).json()).toHaveLength(1);

    const anonymous = client(t, newVisitor());
    expect((await storePage(t, anonymous, 'GET', checkoutUrl)).statusCode).toBe(401);
    expect((await storePage(t, anonymous, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, cardForm(true))).statusCode).toBe(401);
    for (const [method, url] of [
      ['GET', '/api/store/offers'],
      ['GET', '/api/account/purchases'],
      ['GET', '/api/account/cards'],
      ['DELETE', `/api/account/cards/${card.id}`],
    ] as const) {
      expect((await anonymous.request(method, url)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await anonymous.request('POST', '/api/account/purchases/checkout', { licenseTypeId: OFFER })).statusCode).toBe(401);
    expect(await ordersOf(owner.userId)).toHaveLength(1);
  });
});
