import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { sendDeletionWarnings } from './license-expiry.ts';

export const WARNING_QUEUE = 'workspace-deletion-warnings';

/** Once a day, before the retention sweep: warnings to owners of workspaces about to be deleted (WS-3). */
export async function registerWorkspaceJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await scheduleRecurring(jobs, WARNING_QUEUE, '20 8 * * *', () => sendDeletionWarnings(deps));
}
