import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { PURGE_QUEUE } from './delete-account.ts';
import { purgeDeletedAccounts } from './purge-deleted-accounts.ts';

/**
 * A deleted account gets a job at its deadline, and an hourly sweep catches any the queue
 * lost; the purge is idempotent, so both may run.
 */
export async function registerAccountJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await jobs.createQueue(PURGE_QUEUE);
  await jobs.work(PURGE_QUEUE, async () => {
    await purgeDeletedAccounts(deps);
  });
  await scheduleRecurring(jobs, 'accounts.purge-sweep', '17 * * * *', () => purgeDeletedAccounts(deps));
}
