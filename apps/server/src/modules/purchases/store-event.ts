import { Type } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';
import { Problem } from '../../platform/errors.ts';
import type { StoreEvent } from './store-provider.ts';

export const MAX_QUANTITY = 10;
export const MAX_ITEMS = 10;

const Id = Type.String({ minLength: 1, maxLength: 200 });
const Uuid = Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F-]{36}$' });

export const OrderItemSchema = Type.Object(
  {
    licenseTypeId: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    unitPriceCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    renewsLicenseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const Card = Type.Object(
  {
    ref: Id,
    last4: Type.String({ pattern: '^[0-9]{4}$' }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 2000, maximum: 2200 }),
  },
  { additionalProperties: false },
);

const OrderPaidSchema = Type.Object(
  {
    type: Type.Literal('order.paid'),
    eventId: Id,
    providerOrderId: Id,
    checkoutId: Type.Union([Uuid, Type.Null()]),
    userId: Id,
    items: Type.Array(OrderItemSchema, { minItems: 1, maxItems: MAX_ITEMS }),
    totalCents: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    card: Type.Optional(Card),
  },
  { additionalProperties: false },
);

const OrderRefundedSchema = Type.Object({ type: Type.Literal('order.refunded'), eventId: Id, providerOrderId: Id }, { additionalProperties: false });

const StoreEventSchema = Type.Union([OrderPaidSchema, OrderRefundedSchema]);

export const invalidWebhook = (detail: string) => new Problem(400, 'webhook-invalid', 'The webhook is not a store event Steward knows', { detail });

/** A verified webhook's content, checked before anything is written. */
export function parseStoreEvent(value: unknown): StoreEvent {
  if (!Value.Check(StoreEventSchema, value)) throw invalidWebhook('The event does not have the shape of order.paid or order.refunded');
  return value as StoreEvent;
}
