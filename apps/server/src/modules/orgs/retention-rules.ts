import { DAY_MS } from '../../platform/clock.ts';
import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { companyInvitation, companyNotice } from './schema.ts';

export const NOTICE_KEPT_MS = 90 * DAY_MS;

export const companyRetentionRules: RetentionRule[] = [
  expiring(
    'company-invitation-expired',
    'An invitation to join a company, with the address it was sent to, is deleted once it has expired (7 days after it was sent), whether or not it was used.',
    '42 * * * *',
    { table: companyInvitation, key: companyInvitation.id, since: companyInvitation.expiresAt, keepMs: 0 },
  ),
  expiring(
    'company-notice-90-days',
    'A notice telling a company’s administrators who joined, with that person’s name and address, is deleted 90 days after it was written.',
    '47 4 * * *',
    { table: companyNotice, key: companyNotice.id, since: companyNotice.createdAt, keepMs: NOTICE_KEPT_MS },
  ),
];
