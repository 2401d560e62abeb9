import type { Deps } from '../../platform/deps.ts';
import { blobStoreOf } from '../privacy/rights/subject-blobs.ts';

/** Blob purposes: the uploaded file, and its parse (which says as much about the computer). */
export const REPORT_FILE_PURPOSE = 'diag-report';
export const REPORT_PARSE_PURPOSE = 'diag-report-parse';

export const MAX_REPORT_BYTES = 50 * 1024 * 1024;
export const MAX_PARSE_BYTES = 16 * 1024 * 1024;
export const MAX_REPORTS_PER_ACCOUNT = 20;
export const REPORT_KEPT_MS = 90 * 24 * 60 * 60 * 1000;

export const reportBlobs = (deps: Pick<Deps, 'db' | 'config' | 'clock'>) => blobStoreOf(deps);
