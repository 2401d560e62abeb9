import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { auditLog } from '../../../platform/audit/schema.ts';
import { blob } from '../../../platform/blobs/schema.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import type { Deps } from '../../../platform/deps.ts';
import { inBatches } from '../../../platform/jobs/batches.ts';
import { outboxMessage } from '../../../platform/notify/schema.ts';
import { LONGEST_RATE_LIMIT_WINDOW_MS } from '../../accounts/auth.ts';
import { deletedAccountsStatus, purgeDeletedAccounts } from '../../accounts/purge-deleted-accounts.ts';
import { rateLimits, sessions, signInThrottle, verifications } from '../../accounts/schema.ts';
import { communityRetentionRules } from '../../community/retention-rules.ts';
import { deviceRetentionRules } from '../../devices/retention-rules.ts';
import { diagnosticsRetentionRules } from '../../diagnostics/retention-rules.ts';
import { licenseRetentionRules } from '../../licenses/retention-rules.ts';
import { mailguardRetentionRules } from '../../mailguard/retention-rules.ts';
import { companyRetentionRules } from '../../orgs/retention-rules.ts';
import { purchaseRetentionRules } from '../../purchases/retention-rules.ts';
import { aggregateStatistics, statisticsStatus } from '../../stats/aggregate.ts';
import { workspaceRetentionRules } from '../../workspaces/retention-rules.ts';
import { consentLedger, mailOpen } from '../schema.ts';
import { type RuleStatus, toStatus } from './expire-rows.ts';
import { expiring, type RetentionRule } from './rule.ts';

// A consent record stops being in force when a later choice for the same person and purpose
// replaces it, or at once when it is itself a withdrawal; the proof is kept three years from then.
// A record still in force is never due. (FOR UPDATE is not allowed beside a window function, so two
// runs at once may both pick a row; deleting it twice is harmless.)
const CONSENT_PROOF_MS = 3 * 365 * DAY_MS;
const consentEnded = sql`select id, coalesce(
    lead(${consentLedger.createdAt}) over (partition by ${consentLedger.userId}, ${consentLedger.visitorId}, ${consentLedger.purpose} order by ${consentLedger.id}),
    case when not ${consentLedger.granted} then ${consentLedger.createdAt} end
  ) as ended_at from ${consentLedger}`;
const consentCutoff = (deps: Pick<Deps, 'clock'>) => new Date(deps.clock.now().getTime() - CONSENT_PROOF_MS);

/** Kept rules have no sweep; the report still shows their oldest row. */
async function oldestOnly(deps: Pick<Deps, 'db'>, table: PgTable, column: PgColumn): Promise<RuleStatus> {
  const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(sql`select 0 as due, min(${column}) as oldest from ${table}`);
  return toStatus(result.rows[0]);
}

/** Every retention rule the data map names, and no other (retention.test.ts checks both ways). */
export const retentionRules: readonly RetentionRule[] = [
  {
    id: 'account-deleted-1-month',
    description:
      'Account data is held while the account exists. Once the owner deletes it, everything is purged 30 days later and the subject key is destroyed, so files are unreadable in every copy.',
    status: deletedAccountsStatus,
    // The same purge also runs at each account's own deadline (accounts/jobs.ts); this catches any the queue lost.
    sweep: { cron: '17 * * * *', run: purgeDeletedAccounts },
  },
  expiring('session-ended', 'A session is deleted once it has expired (7 days after its last use); signing out deletes it at once.', '7 * * * *', {
    table: sessions,
    key: sessions.id,
    since: sessions.expiresAt,
    keepMs: 0,
  }),
  expiring('verification-expired', 'A verification, reset or sign-in code is deleted once it has expired; using it deletes it at once.', '12 * * * *', {
    table: verifications,
    key: verifications.id,
    since: verifications.expiresAt,
    keepMs: 0,
  }),
  expiring(
    'rate-limit-window',
    `A rate-limit counter is deleted once its longest counting window (${LONGEST_RATE_LIMIT_WINDOW_MS / 60_000} minutes) has passed since the last request.`,
    '*/15 * * * *',
    { table: rateLimits, key: rateLimits.id, since: sql`to_timestamp(${rateLimits.lastRequest} / 1000.0)`, keepMs: LONGEST_RATE_LIMIT_WINDOW_MS },
  ),
  expiring(
    'throttle-1-day',
    'The count of failed sign-ins for an address (held only as a keyed hash) is deleted one day after the last failure.',
    '27 * * * *',
    {
      table: signInThrottle,
      key: signInThrottle.keyHash,
      since: signInThrottle.updatedAt,
      keepMs: DAY_MS,
    },
  ),
  expiring('outbox-30-days', 'A message in the outbox (mail and SMS without a gateway) is deleted 30 days after it was written.', '32 * * * *', {
    table: outboxMessage,
    key: outboxMessage.id,
    since: outboxMessage.createdAt,
    keepMs: 30 * DAY_MS,
  }),
  expiring('mail-open-90-days', 'A record that a service email was opened (only with analytics consent) is deleted 90 days after the open.', '37 * * * *', {
    table: mailOpen,
    key: mailOpen.id,
    since: mailOpen.openedAt,
    keepMs: 90 * DAY_MS,
  }),
  {
    id: 'consent-proof-3-years',
    description:
      'A consent record is kept while the choice is in force, and as proof for three years after it was withdrawn or replaced by a later choice; then it is deleted.',
    async status(deps) {
      const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(
        sql`select count(*) filter (where ended_at <= ${consentCutoff(deps)})::int as due, min(ended_at) as oldest from (${consentEnded}) ended`,
      );
      return toStatus(result.rows[0]);
    },
    sweep: {
      cron: '45 3 * * *',
      run: (deps, options) => {
        const before = consentCutoff(deps);
        return inBatches(options, 1000, async (size) => {
          const result = await deps.db.execute(
            sql`delete from ${consentLedger} where ${consentLedger.id} in (select id from (${consentEnded}) ended where ended_at <= ${before} limit ${size})`,
          );
          return result.rowCount ?? 0;
        });
      },
    },
  },
  {
    id: 'statistics-aggregated',
    description:
      'A raw page-view or API-use event (under a daily pseudonym) is deleted when its hour is counted into the hourly statistics, within the next hour.',
    status: statisticsStatus,
    // This schedule is the hourly aggregation itself: counting an hour and deleting its events is one transaction.
    sweep: { cron: '5 * * * *', run: aggregateStatistics },
  },
  {
    id: 'audit-6-years',
    description:
      'The audit log of staff access to personal data is kept six years, as the law asks. It is append-only and hash-chained, so neither erasure nor a sweep changes an entry; entries name the person only by account id.',
    kept: 'Kept under legal obligation: the log is append-only and hash-chained, so no sweep removes entries.',
    status: (deps) => oldestOnly(deps, auditLog, auditLog.at),
  },
  {
    id: 'subject-lifetime',
    description: 'Files are kept while their subject’s account exists and are erased with it: the account purge destroys the subject key (crypto-shredding).',
    kept: 'No age limit: erased with the subject by account-deleted-1-month, which destroys the subject key.',
    status: (deps) => oldestOnly(deps, blob, blob.createdAt),
  },
  ...licenseRetentionRules,
  ...companyRetentionRules,
  ...purchaseRetentionRules,
  ...deviceRetentionRules,
  ...diagnosticsRetentionRules,
  ...workspaceRetentionRules,
  ...communityRetentionRules,
  ...mailguardRetentionRules,
];

export function retentionRule(id: string): RetentionRule {
  const rule = retentionRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no retention rule ${id}`);
  return rule;
}
