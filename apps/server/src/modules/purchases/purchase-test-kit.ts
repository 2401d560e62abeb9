import { randomUUID } from 'node:crypto';
import { client } from '../../testing/accounts-client.ts';
import { BASE_URL, newVisitor, type TestApp, type Visitor } from '../../testing/harness.ts';
import { testStoreSecret } from './test-store/test-store-provider.ts';
import { SIGNATURE_HEADER, signWebhook } from './test-store/webhook-signature.ts';

export const OFFER = 'total-security-1y-1';
export const CARD_NUMBER = '4242 4242 4242 4242';

export type Browser = ReturnType<typeof client>;

/** A registered, signed-in customer and their account id. */
export async function customer(t: TestApp): Promise<{ browser: Browser; visitor: Visitor; userId: string }> {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const userId = (await browser.request('GET', '/api/account')).json().id as string;
  return { browser, visitor, userId };
}

/** Opens a test store page as the browser would: with its cookies and from this site. */
export function storePage(t: TestApp, browser: Browser, method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
  return t.app.inject({
    method,
    url: url.replace(BASE_URL, ''),
    headers: {
      origin: BASE_URL,
      cookie: browser.cookie,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    payload: form ? new URLSearchParams(form).toString() : undefined,
  });
}

export const cardForm = (saveCard: boolean, cardNumber = CARD_NUMBER): Record<string, string> => ({
  cardNumber,
  expMonth: '12',
  expYear: '2099',
  ...(saveCard ? { saveCard: 'on' } : {}),
});

/** The fields a browser would send from the store page's form as it stands, ticked boxes included. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1] as string;
  const fields: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input [^>]+>/g)) {
    const name = input.match(/name="([^"]+)"/)?.[1];
    const value = input.match(/value="([^"]*)"/)?.[1] ?? '';
    if (name && (!input.includes('type="checkbox"') || input.includes(' checked'))) fields[name] = value;
  }
  return { action, fields };
}

/** The whole purchase over HTTP: start the checkout, open the store's page, pay there. */
export async function buy(t: TestApp, browser: Browser, body: Record<string, unknown> = { licenseTypeId: OFFER }, form = cardForm(false)) {
  const started = await browser.request('POST', '/api/account/purchases/checkout', body);
  if (started.statusCode !== 201) throw new Error(`checkout answered ${started.statusCode}: ${started.body}`);
  const { checkoutId, checkoutUrl } = started.json() as { checkoutId: string; checkoutUrl: string };
  const page = await storePage(t, browser, 'GET', checkoutUrl);
  const paid = await storePage(t, browser, 'POST', `/api/store/test/checkout/${checkoutId}/pay`, form);
  return { checkoutId, checkoutUrl, page, paid };
}

export function paidEvent(userId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'order.paid',
    eventId: `evt_${randomUUID()}`,
    providerOrderId: `ord_${randomUUID()}`,
    checkoutId: null,
    userId,
    items: [{ licenseTypeId: OFFER, name: 'Steward Total Security, 1 year, 1 device', quantity: 1, unitPriceCents: 3995 }],
    totalCents: 3995,
    currency: 'EUR',
    ...overrides,
  };
}

/** Posts a webhook to the test store's endpoint, signed as the test store signs it unless told otherwise. */
export function postWebhook(t: TestApp, body: unknown, options: { at?: Date; signature?: string; rawBody?: string } = {}) {
  const rawBody = options.rawBody ?? JSON.stringify(body);
  const signature = options.signature ?? signWebhook(testStoreSecret(t.deps.config), JSON.stringify(body), options.at ?? t.clock.now());
  return t.app.inject({
    method: 'POST',
    url: '/api/store/webhooks/test',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
    payload: rawBody,
  });
}
