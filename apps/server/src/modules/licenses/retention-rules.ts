import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { license } from './schema.ts';

export const LICENSE_KEPT_AFTER_END_MS = 182 * DAY_MS;

export const licenseRetentionRules: RetentionRule[] = [
  expiring(
    'license-expired-6-months',
    'A license record, its seats and its reminders are deleted six months after the license expired or was revoked, the time left to renew it; perpetual licenses go with the account.',
    '22 4 * * *',
    { table: license, key: license.id, since: sql`least(${license.expiresAt}, ${license.revokedAt})`, keepMs: LICENSE_KEPT_AFTER_END_MS },
  ),
];
