import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const ORDER_STATUSES = ['paid', 'refunded'] as const;
export const CHECKOUT_STATUSES = ['open', 'paid', 'failed'] as const;

/** One line of a checkout or an order; the name and price are those shown when it was bought. */
export interface OrderItem {
  licenseTypeId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
  renewsLicenseId?: string;
}

/** A license an order delivered: issued new, or renewed. */
export interface OrderLicense {
  id: string;
  codeLastGroup: string;
  renewed: boolean;
}

// Invoices and what they were for must be kept for the tax authorities, even after erasure.
const orderRecord = (purpose: string): PersonalData => ({
  category: 'financial',
  purpose,
  basis: 'legal-obligation',
  retention: 'orders-10-years',
  exported: true,
  erase: 'delete',
});

/** An order from the web store, written only from the provider's signed webhook (ACC-6). */
export const storeOrder = pgTable(
  'store_order',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id'),
    provider: notPersonal(text('provider').notNull(), 'which store provider took the order'),
    providerOrderId: notPersonal(text('provider_order_id').notNull(), 'the provider’s own order number'),
    status: personal(text('status', { enum: ORDER_STATUSES }).notNull(), orderRecord('Show and prove what was bought')),
    items: personal(jsonb('items').$type<OrderItem[]>().notNull(), orderRecord('Show and prove what was bought')),
    totalCents: personal(integer('total_cents').notNull(), orderRecord('Show and prove what was paid')),
    currency: notPersonal(text('currency').notNull(), 'ISO 4217 currency'),
    licenses: personal(
      jsonb('licenses').$type<OrderLicense[]>().notNull().default(sql`'[]'::jsonb`),
      orderRecord('Show which licenses the order delivered, and revoke them if it is refunded'),
    ),
    placedAt: timestamp('placed_at', tz).notNull(),
  },
  (t) => [uniqueIndex('store_order_provider_idx').on(t.provider, t.providerOrderId), index('store_order_user_idx').on(t.userId, t.placedAt)],
);

/** Every webhook event taken, so a replay or a retry is answered without a second order. */
export const storeWebhookEvent = pgTable(
  'store_webhook_event',
  {
    provider: notPersonal(text('provider').notNull(), 'which store provider sent it'),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] }), index('store_webhook_event_received_idx').on(t.receivedAt)],
);

// The card itself stays with the provider (ACC-7); these three values let the owner recognise it.
const cardRecord = (purpose: string): PersonalData => ({
  category: 'financial',
  purpose,
  basis: 'contract',
  retention: 'account-deleted-1-month',
  exported: true,
  erase: 'delete',
  processors: ['web-store'],
});

/** A card linked at the store provider: only its expiry, last four digits and the provider’s reference. */
export const paymentCard = pgTable(
  'payment_card',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    provider: notPersonal(text('provider').notNull(), 'which store provider holds the card'),
    providerRef: personal(text('provider_ref').notNull(), cardRecord('Ask the provider to charge the card the owner chose')),
    last4: personal(text('last4').notNull(), cardRecord('Let the owner recognise the card')),
    expMonth: personal(integer('exp_month').notNull(), cardRecord('Let the owner recognise the card and see when it lapses')),
    expYear: personal(integer('exp_year').notNull(), cardRecord('Let the owner recognise the card and see when it lapses')),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [uniqueIndex('payment_card_provider_ref_idx').on(t.provider, t.providerRef), index('payment_card_user_idx').on(t.userId)],
);

// A checkout lives an hour (an auto-renewal's until the license's term ends), and a day longer so a late webhook still finds it.
const checkoutRecord = (purpose: string): PersonalData => ({
  category: 'financial',
  purpose,
  basis: 'contract',
  retention: 'checkout-expired-1-day',
  exported: true,
  erase: 'delete',
});

/**
 * A purchase the user started (or an auto-renewal they opted into) and the provider has not yet
 * confirmed. The order itself is written only from the provider's signed webhook.
 */
export const storeCheckout = pgTable(
  'store_checkout',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    provider: notPersonal(text('provider').notNull(), 'which store provider takes the payment'),
    items: personal(jsonb('items').$type<OrderItem[]>().notNull(), checkoutRecord('Show the buyer what they are about to pay for')),
    totalCents: personal(integer('total_cents').notNull(), checkoutRecord('Show the buyer what they are about to pay')),
    currency: notPersonal(text('currency').notNull(), 'ISO 4217 currency'),
    saveCard: personal(boolean('save_card').notNull(), checkoutRecord('Keep the card only if the buyer asked for it (ACC-7)')),
    status: personal(text('status', { enum: CHECKOUT_STATUSES }).notNull(), checkoutRecord('Let a checkout be paid only once')),
    renewalKey: personal(text('renewal_key'), checkoutRecord('Charge an auto-renewal at most once per license term (LIC-2)')),
    orderId: uuid('order_id'),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [
    index('store_checkout_user_idx').on(t.userId, t.status),
    uniqueIndex('store_checkout_renewal_idx').on(t.renewalKey),
    index('store_checkout_expires_idx').on(t.expiresAt),
  ],
);
