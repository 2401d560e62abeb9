import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { license, storeOrder } from './schema.ts';

export const LICENSE_KEPT_AFTER_END_MS = 182 * DAY_MS;
export const ORDER_KEPT_MS = 10 * 365 * DAY_MS;

export const licenseRetentionRules: RetentionRule[] = [
  expiring(
    'license-expired-6-months',
    'A license record, its seats and its reminders are deleted six months after the license expired or was revoked, the time left to renew it; perpetual licenses go with the account.',
    '22 4 * * *',
    { table: license, key: license.id, since: sql`least(${license.expiresAt}, ${license.revokedAt})`, keepMs: LICENSE_KEPT_AFTER_END_MS },
  ),
  expiring(
    'orders-10-years',
    'An order from the web store is kept ten years from the day it was placed, as tax law requires, even after the account is erased; then it is deleted.',
    '52 4 * * *',
    { table: storeOrder, key: storeOrder.id, since: storeOrder.placedAt, keepMs: ORDER_KEPT_MS },
  ),
];
