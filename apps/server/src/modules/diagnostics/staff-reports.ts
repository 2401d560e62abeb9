import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { requestHandledBy } from '../support/request-access.ts';
import { reportListItem, reportView } from './report-views.ts';
import { diagReport } from './schema.ts';

type StaffDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'audit'>;

export interface StaffRead {
  staffUserId: string;
  reason: string;
}

/** The reports sent for a request, to its handlers only (DIAG-5); each read is audited. */
export async function staffRequestReports(deps: StaffDeps, read: StaffRead, requestId: string) {
  if (!(await requestHandledBy(deps, requestId, read.staffUserId))) throw problems.notFound('support request');
  const rows = await deps.db.select().from(diagReport).where(eq(diagReport.requestId, requestId)).orderBy(desc(diagReport.createdAt));
  for (const row of rows) {
    await deps.audit.record({
      actorId: read.staffUserId,
      action: 'diagnostics.report.list',
      subjectUserId: row.userId,
      reason: read.reason,
      details: { reportId: row.id, requestId },
    });
  }
  return Promise.all(rows.map((row) => reportListItem(deps, row)));
}

/** One report, readable only by a handler of the request it was sent for (DIAG-5). */
export async function staffReport(deps: StaffDeps, read: StaffRead, reportId: string) {
  const [row] = await deps.db
    .select()
    .from(diagReport)
    .where(and(eq(diagReport.id, reportId), isNotNull(diagReport.requestId)));
  if (!row?.requestId || !(await requestHandledBy(deps, row.requestId, read.staffUserId))) throw problems.notFound('report');
  await deps.audit.record({
    actorId: read.staffUserId,
    action: 'diagnostics.report.view',
    subjectUserId: row.userId,
    reason: read.reason,
    details: { reportId: row.id, requestId: row.requestId },
  });
  return reportView(deps, row);
}
