import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { openRequest } from './requests.ts';
import { EXPORT_MAX_BYTES, EXPORT_QUEUE } from './run-export.ts';
import { privacyExport } from './schema.ts';
import { blobStoreOf, readAll } from './subject-blobs.ts';

const gone = (detail: string) => new Problem(410, 'export-gone', 'This export can no longer be downloaded', { detail });

/** One export at a time: a new one is refused while the last is being made or waits to be downloaded. */
async function refuseWhileActive(deps: Pick<Deps, 'db' | 'clock'>, userId: string): Promise<void> {
  const now = deps.clock.now();
  const [active] = await deps.db
    .select({ id: privacyExport.requestId })
    .from(privacyExport)
    .where(
      and(
        eq(privacyExport.userId, userId),
        or(
          inArray(privacyExport.status, ['queued', 'running']),
          and(eq(privacyExport.status, 'ready'), isNull(privacyExport.downloadedAt), gt(privacyExport.expiresAt, now)),
        ),
      ),
    )
    .limit(1);
  if (active) throw problems.conflict('export-in-progress', 'An export is already being made or waits to be downloaded');
}

/** RIGHT-1: opens an access request and queues the job that builds the zip. */
export async function startExport(deps: Deps, userId: string): Promise<{ requestId: string }> {
  await refuseWhileActive(deps, userId);
  const request = await openRequest(deps, userId, 'access');
  await deps.db.insert(privacyExport).values({ requestId: request.id, userId, status: 'queued', step: 'Waiting to start', updatedAt: deps.clock.now() });
  await deps.jobs?.send(EXPORT_QUEUE, { requestId: request.id }, { retryLimit: 5, retryDelay: 30, retryBackoff: true, singletonKey: request.id });
  return { requestId: request.id };
}

async function ownExport(deps: Pick<Deps, 'db'>, userId: string, requestId: string) {
  const [row] = await deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
  // Someone else's export is reported as missing, not as forbidden.
  if (!row || row.userId !== userId) throw problems.notFound('export');
  return row;
}

export const EXPORTS_LISTED = 10;

/** The person's latest exports, newest first, so a page reload finds the one in progress. */
export async function listExports(deps: Pick<Deps, 'db' | 'clock'>, userId: string) {
  const rows = await deps.db
    .select({ requestId: privacyExport.requestId })
    .from(privacyExport)
    .where(eq(privacyExport.userId, userId))
    .orderBy(desc(privacyExport.updatedAt))
    .limit(EXPORTS_LISTED);
  return Promise.all(rows.map((row) => exportStatus(deps, userId, row.requestId)));
}

export async function exportStatus(deps: Pick<Deps, 'db' | 'clock'>, userId: string, requestId: string) {
  const row = await ownExport(deps, userId, requestId);
  const downloadable = row.status === 'ready' && !row.downloadedAt && row.expiresAt !== null && row.expiresAt > deps.clock.now();
  return {
    requestId,
    status: row.status,
    progress: row.progress,
    step: row.step,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
    downloadedAt: row.downloadedAt,
    downloadable,
  };
}

/**
 * The zip, once, within 24 hours of being ready. The download is claimed in one update before
 * any byte is read, so two tabs cannot both get it; the stored copy is deleted as it is handed over.
 */
export async function downloadExport(deps: Deps, userId: string, requestId: string): Promise<Buffer> {
  const row = await ownExport(deps, userId, requestId);
  if (row.status !== 'ready') throw problems.conflict('export-not-ready', 'The export is not ready yet');
  const now = deps.clock.now();
  const [claimed] = await deps.db
    .update(privacyExport)
    .set({ downloadedAt: now, updatedAt: now })
    .where(and(eq(privacyExport.requestId, requestId), isNull(privacyExport.downloadedAt), gt(privacyExport.expiresAt, now)))
    .returning();
  if (!claimed?.blobId) throw gone(row.downloadedAt ? 'it was already downloaded' : 'the 24 hours to download it have passed');
  const store = blobStoreOf(deps);
  const opened = await store.open(claimed.blobId, { subjectId: userId });
  const zip = await readAll(opened.stream, EXPORT_MAX_BYTES);
  await store.delete(claimed.blobId);
  return zip;
}

/** Deletes exports nobody downloaded in time; the job of the expiry sweep. */
export async function expireExports(deps: Pick<Deps, 'db' | 'config' | 'clock'>): Promise<number> {
  const due = await deps.db
    .select({ requestId: privacyExport.requestId, blobId: privacyExport.blobId })
    .from(privacyExport)
    .where(and(isNotNull(privacyExport.blobId), isNull(privacyExport.downloadedAt), lte(privacyExport.expiresAt, deps.clock.now())));
  const store = blobStoreOf(deps);
  for (const { requestId, blobId } of due) {
    await store.delete(blobId as string);
    await deps.db.update(privacyExport).set({ blobId: null, updatedAt: deps.clock.now() }).where(eq(privacyExport.requestId, requestId));
  }
  return due.length;
}
