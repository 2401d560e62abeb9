import type { Deps } from '../../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../../platform/jobs/boss.ts';
import { expireExports } from './exports.ts';
import { EXPORT_QUEUE, runExport } from './run-export.ts';

export const EXPIRE_EXPORTS_QUEUE = 'privacy.expire-exports';

/** Exports run on any node; a failed run is retried by pg-boss and resumes from its last finished step. */
export async function registerRightsJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await jobs.createQueue(EXPORT_QUEUE);
  await jobs.work<{ requestId: string }>(EXPORT_QUEUE, async (batch) => {
    for (const job of batch) await runExport(deps, job.data.requestId);
  });
  await scheduleRecurring(jobs, EXPIRE_EXPORTS_QUEUE, '*/30 * * * *', () => expireExports(deps));
}
