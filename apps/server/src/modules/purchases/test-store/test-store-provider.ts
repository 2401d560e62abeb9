import { createHash, randomUUID } from 'node:crypto';
import { deriveKey } from '../../../platform/blobs/seal.ts';
import type { Deps } from '../../../platform/deps.ts';
import { invalidWebhook, parseStoreEvent } from '../store-event.ts';
import type { OrderPaid, SavedCard, StoreProvider, WebhookDelivery, WebhookOutcome } from '../store-provider.ts';
import { totalOf } from '../store-provider.ts';
import { SIGNATURE_HEADER, signWebhook, verifySignature } from './webhook-signature.ts';

export const TEST_STORE_ID = 'test';

export interface TestStoreProvider extends StoreProvider {
  /** The payment the user confirmed on the test checkout page, delivered as a signed webhook. */
  pay(input: { checkoutId: string; userId: string; items: OrderPaid['items']; currency: string; card?: SavedCard }): Promise<WebhookOutcome>;
  /** Signs an event as the test store would; tests use it to replay and tamper. */
  sign(rawBody: string, at?: Date): string;
}

export function testStoreSecret(config: Deps['config']): Buffer {
  return deriveKey(config.masterKey, 'steward test store webhooks');
}

/** The same idempotency key always names the same provider order, so a repeated charge is one order. */
const orderIdFor = (key: string) => `test_ord_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/**
 * The built-in store: no money moves. It stands in for a real provider in embedded mode and in
 * tests, and goes through the same signed-webhook path a real one does.
 */
export function testStoreProvider(deps: Pick<Deps, 'config' | 'clock'>, deliver: WebhookDelivery): TestStoreProvider {
  const secret = testStoreSecret(deps.config);
  const sign = (rawBody: string, at = deps.clock.now()) => signWebhook(secret, rawBody, at);
  const send = (event: Omit<OrderPaid, 'eventId'>) => {
    const rawBody = JSON.stringify({ ...event, eventId: `test_evt_${randomUUID()}` });
    return deliver(rawBody, { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(rawBody) });
  };
  return {
    id: TEST_STORE_ID,
    sign,
    async createCheckout({ checkoutId }) {
      return { checkoutUrl: `${deps.config.baseUrl}/api/store/test/checkout/${checkoutId}` };
    },
    async chargeSavedCard({ checkoutId, userId, items, currency, idempotencyKey }) {
      const providerOrderId = orderIdFor(idempotencyKey);
      await send({ type: 'order.paid', providerOrderId, checkoutId, userId, items, totalCents: totalOf(items), currency });
    },
    async detachCard() {},
    pay({ checkoutId, userId, items, currency, card }) {
      const providerOrderId = orderIdFor(`checkout:${checkoutId}`);
      return send({ type: 'order.paid', providerOrderId, checkoutId, userId, items, totalCents: totalOf(items), currency, ...(card ? { card } : {}) });
    },
    verifyWebhook(rawBody, headers) {
      verifySignature(secret, rawBody, headers, deps.clock.now());
      try {
        return parseStoreEvent(JSON.parse(rawBody));
      } catch (error) {
        if (error instanceof SyntaxError) throw invalidWebhook('The body is not JSON');
        throw error;
      }
    },
  };
}
