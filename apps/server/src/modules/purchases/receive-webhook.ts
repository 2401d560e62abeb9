import type { Deps } from '../../platform/deps.ts';
import { recordPaidOrder } from './record-paid-order.ts';
import { recordRefund } from './record-refund.ts';
import type { StoreProvider, WebhookHeaders, WebhookOutcome } from './store-provider.ts';

/**
 * Every webhook, whether it came over HTTP or from the built-in test store, goes through the
 * provider's signature check first; nothing is written for one that fails it.
 */
export async function receiveWebhook(deps: Deps, provider: StoreProvider, rawBody: string, headers: WebhookHeaders): Promise<WebhookOutcome> {
  const event = provider.verifyWebhook(rawBody, headers);
  if (!event) return { duplicate: false };
  if (event.type === 'order.paid') return recordPaidOrder(deps, provider.id, event);
  return recordRefund(deps, provider.id, event);
}
