import { lastGroup } from '@steward/client';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { licenseTypeOf, type Offer } from '../licenses/catalogue.ts';
import { issueLicense } from '../licenses/issue-license.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { renewLicense } from '../licenses/renew-license.ts';
import { inTransaction, type TxDeps } from './in-transaction.ts';
import { keepCard } from './payment-cards.ts';
import { type IssuedCode, purchaseMessages } from './purchase-messages.ts';
import { type OrderItem, type OrderLicense, storeCheckout, storeOrder } from './schema.ts';
import { invalidWebhook } from './store-event.ts';
import type { OrderPaid, WebhookOutcome } from './store-provider.ts';
import { takeWebhookEvent } from './take-webhook-event.ts';

interface Delivered {
  licenses: OrderLicense[];
  codes: IssuedCode[];
  renewals: { name: string; codeLastGroup: string }[];
}

/** The buyer's own running license of a renewable type, or null: then a new license is issued instead, so the buyer still gets what was paid for. */
async function renewable(tx: TxDeps, userId: string, licenseId: string, type: Offer) {
  if (type.termDays === null) return null;
  const [view] = await licenseViews(tx, userId, licenseId);
  return view && view.status !== 'revoked' && view.type.id === type.id ? view : null;
}

async function deliverItem(tx: TxDeps, event: OrderPaid, orderId: string, item: OrderItem, delivered: Delivered): Promise<void> {
  const type = await licenseTypeOf(tx, item.licenseTypeId);
  if (!type) throw invalidWebhook(`There is no license type ${item.licenseTypeId}`);
  const renewed = item.renewsLicenseId ? await renewable(tx, event.userId, item.renewsLicenseId, type) : null;
  if (renewed && type.termDays !== null) {
    await renewLicense(tx, { licenseId: renewed.id, termDays: type.termDays * item.quantity });
    delivered.licenses.push({ id: renewed.id, codeLastGroup: renewed.codeLastGroup, renewed: true });
    delivered.renewals.push({ name: item.name, codeLastGroup: renewed.codeLastGroup });
    return;
  }
  for (let n = 0; n < item.quantity; n++) {
    const issued = await issueLicense(tx, { typeId: type.id, termDays: type.termDays, userId: event.userId, orderId });
    delivered.licenses.push({ id: issued.id, codeLastGroup: lastGroup(issued.code), renewed: false });
    delivered.codes.push({ name: item.name, code: issued.code });
  }
}

/** Marks the checkout paid; a checkout of another user means the event is not to be trusted. */
async function closeCheckout(tx: TxDeps, event: OrderPaid, orderId: string): Promise<void> {
  if (!event.checkoutId) return;
  const [checkout] = await tx.db.select({ userId: storeCheckout.userId }).from(storeCheckout).where(eq(storeCheckout.id, event.checkoutId));
  if (checkout && checkout.userId !== event.userId) throw invalidWebhook('The checkout belongs to another account');
  await tx.db
    .update(storeCheckout)
    .set({ status: 'paid', orderId })
    .where(and(eq(storeCheckout.id, event.checkoutId), eq(storeCheckout.userId, event.userId)));
}

async function writeOrder(deps: TxDeps, provider: string, event: OrderPaid): Promise<(Delivered & { orderId: string }) | null> {
  return inTransaction(deps, async (tx) => {
    if (!(await takeWebhookEvent(tx, provider, event.eventId))) return null;
    const [order] = await tx.db
      .insert(storeOrder)
      .values({
        userId: event.userId,
        provider,
        providerOrderId: event.providerOrderId,
        status: 'paid',
        items: event.items,
        totalCents: event.totalCents,
        currency: event.currency,
        placedAt: tx.clock.now(),
      })
      .onConflictDoNothing({ target: [storeOrder.provider, storeOrder.providerOrderId] })
      .returning({ id: storeOrder.id });
    if (!order) return null;
    await closeCheckout(tx, event, order.id);
    const delivered: Delivered = { licenses: [], codes: [], renewals: [] };
    for (const item of event.items) await deliverItem(tx, event, order.id, item, delivered);
    await tx.db.update(storeOrder).set({ licenses: delivered.licenses }).where(eq(storeOrder.id, order.id));
    if (event.card) await keepCard(tx, event.userId, provider, event.card);
    return { orderId: order.id, ...delivered };
  });
}

/**
 * A paid order, from a verified webhook: in one transaction the event is taken, the order
 * written once per provider order, its licenses issued or renewed and the card kept. A replay
 * of the event, or a retry under a new event id, finds them taken and changes nothing.
 */
export async function recordPaidOrder(deps: Deps, provider: string, event: OrderPaid): Promise<WebhookOutcome> {
  const written = await writeOrder(deps, provider, event);
  if (!written) return { duplicate: true };
  const messages = purchaseMessages(deps);
  try {
    if (written.codes.length > 0) await messages.activationCodes(event.userId, written.codes);
    for (const renewal of written.renewals) await messages.renewed(event.userId, renewal.name, renewal.codeLastGroup);
  } catch (error) {
    // The order stands either way; the licenses are in the account and can be bound from there.
    deps.log.error({ orderId: written.orderId, reason: error instanceof Error ? error.name : 'unknown' }, 'order mail failed');
  }
  return { duplicate: false, orderId: written.orderId };
}
