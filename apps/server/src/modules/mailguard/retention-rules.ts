import { sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import { inBatches } from '../../platform/jobs/batches.ts';
import { toStatus } from '../privacy/retention/expire-rows.ts';
import type { RetentionRule, RuleDeps } from '../privacy/retention/rule.ts';
import { mailAuthorization, mailScanDay, mailThreat, SCAN_RECORDS_RETENTION } from './schema.ts';

export const SCAN_RECORDS_KEPT_MS = 90 * DAY_MS;

const cutoff = (deps: RuleDeps) => new Date(deps.clock.now().getTime() - SCAN_RECORDS_KEPT_MS);
const cutoffDay = (deps: RuleDeps) => cutoff(deps).toISOString().slice(0, 10);

/**
 * Scan records live 90 days, and at the latest as long as the license's data (MAIL-4, by the foreign keys); unfinished
 * OAuth authorizations go once they expired. Each batch is one DELETE of up to 1,000 rows, so a crash leaves whole batches.
 */
export const mailguardRetentionRules: RetentionRule[] = [
  {
    id: SCAN_RECORDS_RETENTION,
    description:
      'A record of a threat found in a protected mailbox or file store (the provider’s reference to the item, the verdict and what was done) and the daily counts of items scanned are deleted after 90 days; an OAuth consent that was started but not finished is deleted once it expires, after ten minutes. Messages and files themselves are never stored.',
    async status(deps) {
      const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(
        sql`select count(*) filter (where ${mailThreat.detectedAt} <= ${cutoff(deps)})::int as due, min(${mailThreat.detectedAt}) as oldest from ${mailThreat}`,
      );
      return toStatus(result.rows[0]);
    },
    sweep: {
      cron: '12 5 * * *',
      run: (deps, options) => {
        const before = cutoff(deps);
        const beforeDay = cutoffDay(deps);
        const now = deps.clock.now();
        const statements = (size: number) => [
          sql`delete from ${mailThreat} where ${mailThreat.id} in (select ${mailThreat.id} from ${mailThreat} where ${mailThreat.detectedAt} <= ${before} limit ${size} for update skip locked)`,
          sql`delete from ${mailScanDay} where (${mailScanDay.connectionId}, ${mailScanDay.day}) in (select ${mailScanDay.connectionId}, ${mailScanDay.day} from ${mailScanDay} where ${mailScanDay.day} < ${beforeDay} limit ${size} for update skip locked)`,
          sql`delete from ${mailAuthorization} where ${mailAuthorization.id} in (select ${mailAuthorization.id} from ${mailAuthorization} where ${mailAuthorization.expiresAt} <= ${now} limit ${size} for update skip locked)`,
        ];
        return inBatches(options, 1000, async (size) => {
          let removed = 0;
          for (const statement of statements(size)) removed += (await deps.db.execute(statement)).rowCount ?? 0;
          return removed;
        });
      },
    },
  },
];
