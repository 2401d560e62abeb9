import { DAY_MS } from '../../platform/clock.ts';
import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { storeOrder } from './schema.ts';

export const ORDER_KEPT_MS = 10 * 365 * DAY_MS;

export const purchaseRetentionRules: RetentionRule[] = [
  expiring(
    'orders-10-years',
    'An order from the web store is kept ten years from the day it was placed, as tax law requires, even after the account is erased; then it is deleted.',
    '52 4 * * *',
    { table: storeOrder, key: storeOrder.id, since: storeOrder.placedAt, keepMs: ORDER_KEPT_MS },
  ),
];
