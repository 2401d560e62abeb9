import type { Deps } from '../../platform/deps.ts';
import { readAll } from '../privacy/rights/subject-blobs.ts';
import type { Finding, ReportSection } from './parse/report-model.ts';
import { MAX_PARSE_BYTES, reportBlobs } from './report-blobs.ts';
import type { diagReport } from './schema.ts';

export type ReportRow = typeof diagReport.$inferSelect;

/** The name the uploader gave the file; it is sealed in the blob, so reading it needs the key. */
async function fileNameOf(deps: Pick<Deps, 'db' | 'config' | 'clock'>, row: ReportRow): Promise<string> {
  const { meta, stream } = await reportBlobs(deps).open(row.fileBlobId, { subjectId: row.userId });
  stream.destroy();
  return meta.fileName;
}

export async function reportListItem(deps: Pick<Deps, 'db' | 'config' | 'clock'>, row: ReportRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    source: row.source,
    status: row.status,
    requestId: row.requestId,
    fileName: await fileNameOf(deps, row),
    size: row.size,
    findings: row.findings,
  };
}

async function parseOf(deps: Pick<Deps, 'db' | 'config' | 'clock'>, row: ReportRow): Promise<{ sections: ReportSection[]; findings: Finding[] }> {
  if (!row.parsedBlobId) return { sections: [], findings: [] };
  const { stream } = await reportBlobs(deps).open(row.parsedBlobId, { subjectId: row.userId });
  return JSON.parse((await readAll(stream, MAX_PARSE_BYTES)).toString('utf8'));
}

export async function reportView(deps: Pick<Deps, 'db' | 'config' | 'clock'>, row: ReportRow) {
  const parse = await parseOf(deps, row);
  return { ...(await reportListItem(deps, row)), sha256: row.sha256, problem: row.problem, sections: parse.sections, findings: parse.findings };
}
