import type { OrderItem } from './schema.ts';

export interface SavedCard {
  /** The provider's opaque reference; the card number itself never reaches Steward (ACC-7). */
  ref: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface OrderPaid {
  type: 'order.paid';
  eventId: string;
  providerOrderId: string;
  /** The checkout Steward started, when there was one; an auto-renewal's charge names its own. */
  checkoutId: string | null;
  userId: string;
  items: OrderItem[];
  totalCents: number;
  currency: string;
  /** Present only when the buyer asked the provider to keep the card. */
  card?: SavedCard;
}

export interface OrderRefunded {
  type: 'order.refunded';
  eventId: string;
  providerOrderId: string;
}

export type StoreEvent = OrderPaid | OrderRefunded;

export type WebhookHeaders = Record<string, string | string[] | undefined>;

/**
 * What a web store provider does for Steward. The provider takes the payment and holds the card;
 * Steward learns of every payment only from a webhook the provider signs, so an order exists
 * only once the provider confirmed it and only once however often the webhook arrives.
 */
export interface StoreProvider {
  readonly id: string;
  /** A page of the provider where the user confirms the payment; the order follows by webhook. */
  createCheckout(input: {
    checkoutId: string;
    userId: string;
    items: OrderItem[];
    currency: string;
    saveCard: boolean;
    returnUrl: string;
  }): Promise<{ checkoutUrl: string }>;
  /**
   * Charges a card the user saved, for an auto-renewal they opted into. The provider must treat
   * a repeated idempotency key as the same charge.
   */
  chargeSavedCard(input: { checkoutId: string; userId: string; cardRef: string; items: OrderItem[]; currency: string; idempotencyKey: string }): Promise<void>;
  /** Tells the provider to forget a card the user unlinked. */
  detachCard(input: { userId: string; cardRef: string }): Promise<void>;
  /**
   * The event a webhook carries, in Steward's terms (parseStoreEvent checks its shape); null for
   * an event Steward does not act on. Throws a Problem when the signature or its age is not right.
   */
  verifyWebhook(rawBody: string, headers: WebhookHeaders): StoreEvent | null;
}

/** What Steward answers a webhook: a replay or a retry is taken as a duplicate and changes nothing. */
export interface WebhookOutcome {
  duplicate: boolean;
  orderId?: string;
}

export type WebhookDelivery = (rawBody: string, headers: WebhookHeaders) => Promise<WebhookOutcome>;

export const totalOf = (items: OrderItem[]) => items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
