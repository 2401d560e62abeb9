import type { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { reportBlobs } from './report-blobs.ts';
import { type ReportRow, reportListItem, reportView } from './report-views.ts';
import { diagReport } from './schema.ts';

type ReportDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

/** The customer's own report; another account's answers as missing. */
async function ownReport(deps: Pick<Deps, 'db'>, userId: string, reportId: string): Promise<ReportRow> {
  const [row] = await deps.db
    .select()
    .from(diagReport)
    .where(and(eq(diagReport.id, reportId), eq(diagReport.userId, userId)));
  if (!row) throw problems.notFound('report');
  return row;
}

export async function listOwnReports(deps: ReportDeps, userId: string) {
  const rows = await deps.db.select().from(diagReport).where(eq(diagReport.userId, userId)).orderBy(desc(diagReport.createdAt));
  return Promise.all(rows.map((row) => reportListItem(deps, row)));
}

export async function viewOwnReport(deps: ReportDeps, userId: string, reportId: string) {
  return reportView(deps, await ownReport(deps, userId, reportId));
}

export async function openOwnReportFile(deps: ReportDeps, userId: string, reportId: string): Promise<{ fileName: string; size: number; stream: Readable }> {
  const row = await ownReport(deps, userId, reportId);
  const { meta, stream } = await reportBlobs(deps).open(row.fileBlobId, { subjectId: userId });
  return { fileName: meta.fileName, size: meta.size, stream };
}

/** Removes the row, then both blobs: without their rows the data keys are gone, so nothing can decrypt the files. */
export async function deleteReport(deps: ReportDeps, row: Pick<ReportRow, 'id' | 'fileBlobId' | 'parsedBlobId'>): Promise<void> {
  await deps.db.delete(diagReport).where(eq(diagReport.id, row.id));
  const blobs = reportBlobs(deps);
  await blobs.delete(row.fileBlobId);
  if (row.parsedBlobId) await blobs.delete(row.parsedBlobId);
}

export async function deleteOwnReport(deps: ReportDeps, userId: string, reportId: string): Promise<void> {
  await deleteReport(deps, await ownReport(deps, userId, reportId));
}
