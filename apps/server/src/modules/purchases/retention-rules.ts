import { DAY_MS } from '../../platform/clock.ts';
import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { storeCheckout, storeOrder } from './schema.ts';

export const ORDER_KEPT_MS = 10 * 365 * DAY_MS;
export const CHECKOUT_KEPT_AFTER_EXPIRY_MS = DAY_MS;

export const purchaseRetentionRules: RetentionRule[] = [
  expiring(
    'orders-10-years',
    'An order from the web store is kept ten years from the day it was placed, as tax law requires, even after the account is erased; then it is deleted.',
    '52 4 * * *',
    { table: storeOrder, key: storeOrder.id, since: storeOrder.placedAt, keepMs: ORDER_KEPT_MS },
  ),
  expiring(
    'checkout-expired-1-day',
    'A started checkout is deleted one day after it expired (an hour after it was started; an auto-renewal’s when the license’s term ends), paid or not: a paid one lives on as the order.',
    '47 * * * *',
    { table: storeCheckout, key: storeCheckout.id, since: storeCheckout.expiresAt, keepMs: CHECKOUT_KEPT_AFTER_EXPIRY_MS },
  ),
];
