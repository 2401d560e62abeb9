import { inArray, lte, sql } from 'drizzle-orm';
import { type BatchOptions, inBatches } from '../../platform/jobs/batches.ts';
import { toStatus } from '../privacy/retention/expire-rows.ts';
import type { RetentionRule, RuleDeps } from '../privacy/retention/rule.ts';
import { reportBlobs } from './report-blobs.ts';
import { diagReport, diagUploadToken } from './schema.ts';

const BATCH = 100;

/**
 * Blobs first, then rows: deleting a blob removes the only copy of its data key, so a crash
 * between the two leaves a row whose files can no longer be read, and the next run removes it.
 */
async function sweepReports(deps: RuleDeps, options: BatchOptions): Promise<number> {
  const blobs = reportBlobs(deps);
  return inBatches(options, BATCH, async (size) => {
    const due = await deps.db
      .select({ id: diagReport.id, fileBlobId: diagReport.fileBlobId, parsedBlobId: diagReport.parsedBlobId })
      .from(diagReport)
      .where(lte(diagReport.expiresAt, deps.clock.now()))
      .limit(size);
    if (due.length === 0) return 0;
    for (const row of due) {
      await blobs.delete(row.fileBlobId);
      if (row.parsedBlobId) await blobs.delete(row.parsedBlobId);
    }
    await deps.db.delete(diagReport).where(
      inArray(
        diagReport.id,
        due.map((row) => row.id),
      ),
    );
    return due.length;
  });
}

async function sweepExpiredTokens(deps: RuleDeps, options: BatchOptions): Promise<number> {
  const now = deps.clock.now();
  return inBatches(options, 1000, async (size) => {
    const result = await deps.db.execute(
      sql`delete from ${diagUploadToken} where ${diagUploadToken.id} in (select ${diagUploadToken.id} from ${diagUploadToken} where ${diagUploadToken.expiresAt} <= ${now} limit ${size} for update skip locked)`,
    );
    return result.rowCount ?? 0;
  });
}

export const diagnosticsRetentionRules: RetentionRule[] = [
  {
    id: 'uploaded-reports-90-days',
    description:
      'An uploaded system report or steward-diag bundle and its parse are deleted 90 days after the upload, with the keys that could decrypt them; upload tokens for steward-diag are deleted once they expire, after one day.',
    async status(deps) {
      const result = await deps.db.execute<{ due: number; oldest: Date | string | null }>(
        sql`select count(*) filter (where ${diagReport.expiresAt} <= ${deps.clock.now()})::int as due, min(${diagReport.createdAt}) as oldest from ${diagReport}`,
      );
      return toStatus(result.rows[0]);
    },
    sweep: {
      cron: '52 * * * *',
      run: async (deps, options) => (await sweepReports(deps, options)) + (await sweepExpiredTokens(deps, options)),
    },
  },
];
