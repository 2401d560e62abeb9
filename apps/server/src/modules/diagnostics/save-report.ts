import { count, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import type { ParsedReport } from './parse/report-model.ts';
import { MAX_PARSE_BYTES, MAX_REPORTS_PER_ACCOUNT, REPORT_KEPT_MS, REPORT_PARSE_PURPOSE, reportBlobs } from './report-blobs.ts';
import { diagReport, type ReportSource } from './schema.ts';

export const tooManyReports = () =>
  new Problem(409, 'too-many-reports', 'You have too many reports', { detail: `delete one of your ${MAX_REPORTS_PER_ACCOUNT} reports first` });

/** Refuses early, before an upload is read, when the account already holds its share of reports. */
export async function requireRoomForReport(deps: Pick<Deps, 'db'>, userId: string): Promise<void> {
  const [row] = await deps.db.select({ n: count() }).from(diagReport).where(eq(diagReport.userId, userId));
  if (row.n >= MAX_REPORTS_PER_ACCOUNT) throw tooManyReports();
}

export interface NewReport {
  userId: string;
  requestId: string | null;
  source: ReportSource;
  file: { blobId: string; size: number; sha256: string };
  parsed: ParsedReport;
  confirmation: string;
  confirmedAt: Date;
}

/**
 * Stores the parse beside the already stored file and writes the row. The account's count is
 * checked under a lock on the account, so two uploads at once cannot pass the limit; whatever
 * fails, the blobs of this report are removed, so nothing is left half-written.
 */
export async function saveReport(deps: Pick<Deps, 'db' | 'config' | 'clock'>, input: NewReport): Promise<typeof diagReport.$inferSelect> {
  const blobs = reportBlobs(deps);
  let parsedBlobId: string | null = null;
  try {
    const parsed = await blobs.put({
      subjectId: input.userId,
      purpose: REPORT_PARSE_PURPOSE,
      fileName: 'parse.json',
      contentType: 'application/json',
      data: Buffer.from(JSON.stringify({ sections: input.parsed.sections, findings: input.parsed.findings })),
      maxBytes: MAX_PARSE_BYTES,
    });
    parsedBlobId = parsed.id;
    const createdAt = deps.clock.now();
    return await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`diag-report:${input.userId}`}))`);
      const [held] = await tx.select({ n: count() }).from(diagReport).where(eq(diagReport.userId, input.userId));
      if (held.n >= MAX_REPORTS_PER_ACCOUNT) throw tooManyReports();
      const [row] = await tx
        .insert(diagReport)
        .values({
          userId: input.userId,
          requestId: input.requestId,
          source: input.source,
          status: 'parsed',
          fileBlobId: input.file.blobId,
          parsedBlobId: parsed.id,
          size: input.file.size,
          sha256: input.file.sha256,
          findings: input.parsed.findings.map(({ code, severity }) => ({ code, severity })),
          problem: null,
          confirmation: input.confirmation,
          confirmedAt: input.confirmedAt,
          createdAt,
          expiresAt: new Date(createdAt.getTime() + REPORT_KEPT_MS),
        })
        .returning();
      return row;
    });
  } catch (error) {
    await blobs.delete(input.file.blobId);
    if (parsedBlobId) await blobs.delete(parsedBlobId);
    throw error;
  }
}
