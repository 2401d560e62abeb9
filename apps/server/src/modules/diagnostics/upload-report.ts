import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { requestOwnedBy } from '../support/request-access.ts';
import { requireCurrentTerms } from '../support/terms.ts';
import { parseReport } from './parse/parse-report.ts';
import { type ParsedReport, ReportUnreadable } from './parse/report-model.ts';
import { MAX_REPORT_BYTES, REPORT_FILE_PURPOSE, reportBlobs } from './report-blobs.ts';
import { requireRoomForReport, saveReport } from './save-report.ts';
import type { UploadedFile, UploadFields } from './upload-form.ts';

type UploadDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

export const WEB_CONFIRMATION = 'web: the uploader confirmed the report is theirs and holds nothing confidential';

/** A report sent for a support request must be sent for one's own, with the support terms accepted (SUP-2). */
export async function requireOwnRequestWithTerms(deps: Pick<Deps, 'db'>, userId: string, requestId: string): Promise<void> {
  if (!(await requestOwnedBy(deps, requestId, userId))) throw problems.notFound('support request');
  await requireCurrentTerms(deps, userId);
}

/** Checks made once the form's fields are read and before its file is. */
export async function checkUploadFields(deps: UploadDeps, userId: string, fields: UploadFields): Promise<void> {
  if (fields.requestId !== null) await requireOwnRequestWithTerms(deps, userId, fields.requestId);
  await requireRoomForReport(deps, userId);
}

/** Parses, or refuses with the parser's reason; nothing is stored for a report that cannot be read. */
export async function parseOrRefuse(data: Buffer, field: string): Promise<ParsedReport> {
  try {
    return await parseReport(data);
  } catch (error) {
    if (error instanceof ReportUnreadable) throw problems.invalidField(field, `cannot be read: ${error.message}`);
    throw error;
  }
}

/** A report uploaded in the web (GSI-1, GSI-2, GSI-3). */
export async function uploadReport(deps: UploadDeps, userId: string, upload: UploadedFile) {
  const parsed = await parseOrRefuse(upload.data, 'file');
  const file = await reportBlobs(deps).put({
    subjectId: userId,
    purpose: REPORT_FILE_PURPOSE,
    fileName: upload.fileName,
    contentType: 'application/gzip',
    data: upload.data,
    maxBytes: MAX_REPORT_BYTES,
  });
  return saveReport(deps, {
    userId,
    requestId: upload.fields.requestId,
    source: 'upload',
    file: { blobId: file.id, size: file.size, sha256: file.sha256 },
    parsed,
    confirmation: WEB_CONFIRMATION,
    confirmedAt: deps.clock.now(),
  });
}
