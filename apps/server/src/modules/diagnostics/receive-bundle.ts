import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { MAX_REPORT_BYTES, REPORT_FILE_PURPOSE, reportBlobs } from './report-blobs.ts';
import { requireRoomForReport, saveReport } from './save-report.ts';
import { parseOrRefuse, requireOwnRequestWithTerms } from './upload-report.ts';
import { redeemUploadToken } from './upload-tokens.ts';

export interface SentBundle {
  token: string;
  sha256: string;
  consentAt: Date;
  body: Readable;
}

/** Passes the body on to the blob store and keeps a copy for the parser; both are bounded by the store's limit. */
async function* keepingCopy(body: Readable, chunks: Buffer[]): AsyncGenerator<Buffer> {
  for await (const chunk of body) {
    const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(data);
    yield data;
  }
}

/**
 * A bundle `steward-diag send` uploads for a support request (DIAG-4): stored only when the
 * bytes hash to what the user consented to send, and recorded with that consent and hash.
 */
export async function receiveBundle(deps: Pick<Deps, 'db' | 'config' | 'clock'>, sent: SentBundle) {
  const { userId, requestId } = await redeemUploadToken(deps, sent.token);
  await requireOwnRequestWithTerms(deps, userId, requestId);
  await requireRoomForReport(deps, userId);
  const blobs = reportBlobs(deps);
  const chunks: Buffer[] = [];
  const file = await blobs.put({
    subjectId: userId,
    purpose: REPORT_FILE_PURPOSE,
    fileName: `steward-diag-${sent.sha256.slice(0, 12)}.tar.gz`,
    contentType: 'application/gzip',
    data: keepingCopy(sent.body, chunks),
    maxBytes: MAX_REPORT_BYTES,
  });
  if (file.sha256 !== sent.sha256) {
    await blobs.delete(file.id);
    throw problems.invalidField('x-bundle-sha256', 'does not match the bundle received; nothing was stored');
  }
  const parsed = await parseOrRefuse(Buffer.concat(chunks), 'body').catch(async (error: unknown) => {
    await blobs.delete(file.id);
    throw error;
  });
  const row = await saveReport(deps, {
    userId,
    requestId,
    source: 'steward-diag',
    file: { blobId: file.id, size: file.size, sha256: file.sha256 },
    parsed,
    confirmation: `steward-diag consent at ${sent.consentAt.toISOString()} for sha256 ${file.sha256}`,
    confirmedAt: sent.consentAt,
  });
  return { reportId: row.id, sha256: row.sha256 };
}
