import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { revokeLicense } from '../licenses/revoke-license.ts';
import { inTransaction } from './in-transaction.ts';
import { storeOrder } from './schema.ts';
import type { OrderRefunded, WebhookOutcome } from './store-provider.ts';
import { takeWebhookEvent } from './take-webhook-event.ts';

/**
 * A refunded order: its status changes and the licenses it issued are revoked, in one
 * transaction. A renewal it paid for is left for staff to settle, since the license had earlier
 * terms of its own. A refund for an order not yet known is refused unwritten, so the provider
 * sends it again after the payment's webhook.
 */
export async function recordRefund(deps: Pick<Deps, 'db' | 'clock'>, provider: string, event: OrderRefunded): Promise<WebhookOutcome> {
  return inTransaction(deps, async (tx) => {
    const [order] = await tx.db
      .select({ id: storeOrder.id, status: storeOrder.status, licenses: storeOrder.licenses })
      .from(storeOrder)
      .where(and(eq(storeOrder.provider, provider), eq(storeOrder.providerOrderId, event.providerOrderId)))
      .for('update');
    if (!order) throw new Problem(404, 'order-not-found', 'No order for this refund yet', { detail: 'Send the refund again once the payment is delivered' });
    if (!(await takeWebhookEvent(tx, provider, event.eventId)) || order.status === 'refunded') return { duplicate: true, orderId: order.id };
    await tx.db.update(storeOrder).set({ status: 'refunded' }).where(eq(storeOrder.id, order.id));
    for (const license of order.licenses) if (!license.renewed) await revokeLicense(tx, license.id);
    return { duplicate: false, orderId: order.id };
  });
}
