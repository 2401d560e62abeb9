import { eq, sql } from 'drizzle-orm';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { DAY_MS } from '../../../platform/clock.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { collectSubjectData } from './collect-subject-data.ts';
import { dataFiles, zipFileName } from './export-files.ts';
import { setRequestStatus } from './requests.ts';
import { rightsMessages } from './rights-messages.ts';
import { privacyExport } from './schema.ts';
import { blobStoreOf, EXPORT_PART_PURPOSE, EXPORT_PURPOSE, readAll, subjectFileIds } from './subject-blobs.ts';

export const EXPORT_QUEUE = 'privacy.export';
export const EXPORT_MAX_BYTES = 512 * 1024 * 1024;
export const DOWNLOAD_WINDOW_MS = DAY_MS;

/** Lets a test stop the job between steps, as a crash would. */
export interface ExportHooks {
  afterStep?(step: 'collect' | 'file' | 'package'): void | Promise<void>;
}

type ExportRow = typeof privacyExport.$inferSelect;
type ExportDeps = Deps;

async function update(deps: ExportDeps, requestId: string, set: Partial<ExportRow>): Promise<void> {
  await deps.db
    .update(privacyExport)
    .set({ ...set, updatedAt: deps.clock.now() })
    .where(eq(privacyExport.requestId, requestId));
}

/** Step 1: the data files, staged encrypted under the subject so a later run need not collect again. */
async function collectStep(deps: ExportDeps, row: ExportRow): Promise<string> {
  const data = await collectSubjectData(deps, row.userId);
  const fileCount = (await subjectFileIds(deps, row.userId)).length;
  const files = dataFiles(data, fileCount, deps.clock.now());
  const staged = await blobStoreOf(deps).put({
    subjectId: row.userId,
    purpose: EXPORT_PART_PURPOSE,
    fileName: 'data.json',
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(files)),
    maxBytes: EXPORT_MAX_BYTES,
  });
  // jsonb || merges, so a concurrent writer of another part would not be lost.
  await deps.db
    .update(privacyExport)
    .set({
      parts: sql`${privacyExport.parts} || ${JSON.stringify({ data: staged.id })}::jsonb`,
      progress: 30,
      step: 'Your data is collected',
      updatedAt: deps.clock.now(),
    })
    .where(eq(privacyExport.requestId, row.requestId));
  return staged.id;
}

/** Step 2: the zip of the data files and every file of the subject, decrypted, stored encrypted under the subject. */
async function packageStep(deps: ExportDeps, row: ExportRow, dataPart: string, hooks: ExportHooks): Promise<void> {
  const store = blobStoreOf(deps);
  const staged = await store.open(dataPart, { subjectId: row.userId });
  const files = JSON.parse((await readAll(staged.stream, EXPORT_MAX_BYTES)).toString('utf8')) as Record<string, string>;
  const zip: Zippable = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
  const ids = await subjectFileIds(deps, row.userId);
  let total = 0;
  for (const [index, id] of ids.entries()) {
    const opened = await store.open(id, { subjectId: row.userId });
    const content = await readAll(opened.stream, EXPORT_MAX_BYTES - total);
    total += content.length;
    // The person's own files are often compressed already; the fastest level costs little where they are not.
    zip[zipFileName(id, opened.meta.fileName)] = [content, { level: 1 }];
    await update(deps, row.requestId, {
      progress: 30 + Math.floor((60 * (index + 1)) / ids.length),
      step: `Adding your files (${index + 1} of ${ids.length})`,
    });
    await hooks.afterStep?.('file');
  }
  const archive = zipSync(zip, { level: 6 });
  const stored = await store.put({
    subjectId: row.userId,
    purpose: EXPORT_PURPOSE,
    fileName: 'steward-export.zip',
    contentType: 'application/zip',
    data: Buffer.from(archive),
    maxBytes: EXPORT_MAX_BYTES,
  });
  const readyAt = deps.clock.now();
  await update(deps, row.requestId, {
    blobId: stored.id,
    status: 'ready',
    progress: 95,
    step: 'Your export is ready',
    readyAt,
    expiresAt: new Date(readyAt.getTime() + DOWNLOAD_WINDOW_MS),
  });
}

/** Step 3: drop the staged part, tell the person once, and close the request. */
async function notifyStep(deps: ExportDeps, row: ExportRow): Promise<void> {
  const [fresh] = await deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, row.requestId));
  if (fresh.parts.data) await blobStoreOf(deps).delete(fresh.parts.data);
  await rightsMessages(deps).exportReady(row.userId, fresh.expiresAt as Date);
  await update(deps, row.requestId, { notifiedAt: deps.clock.now(), progress: 100 });
  await setRequestStatus(deps, row.requestId, 'done');
}

async function steps(deps: ExportDeps, requestId: string, hooks: ExportHooks): Promise<void> {
  const [row] = await deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
  if (!row) throw problems.notFound('export');
  if (row.notifiedAt || row.status === 'failed') return;
  if (row.status === 'queued') await update(deps, requestId, { status: 'running', step: 'Collecting your data', progress: 5 });
  await setRequestStatus(deps, requestId, 'in-progress');
  if (!row.blobId) {
    const dataPart = row.parts.data ?? (await collectStep(deps, row));
    await hooks.afterStep?.('collect');
    await packageStep(deps, row, dataPart, hooks);
    await hooks.afterStep?.('package');
  }
  await notifyStep(deps, row);
}

/**
 * The export job (RIGHT-1). Each step records its result in privacy_export before the next
 * begins, so a run after a crash skips what is done; running it twice changes nothing.
 * If the subject is erased meanwhile, the files can no longer be opened and the export fails for good.
 */
export async function runExport(deps: ExportDeps, requestId: string, hooks: ExportHooks = {}): Promise<void> {
  try {
    await steps(deps, requestId, hooks);
  } catch (error) {
    if (error instanceof Problem && error.code === 'crypto-shredded') {
      await update(deps, requestId, { status: 'failed', step: 'The account was erased' });
      // Superseded by the erasure, which has its own request and report.
      await setRequestStatus(deps, requestId, 'done');
      return;
    }
    throw error;
  }
}
