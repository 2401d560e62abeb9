import type { Deps } from '../../platform/deps.ts';
import type { Jobs } from '../../platform/jobs/boss.ts';
import { PURGE_QUEUE } from './delete-account.ts';
import { purgeDeletedAccounts } from './purge-deleted-accounts.ts';

/**
 * A deleted account gets a job at its deadline. The hourly sweep that catches any the queue
 * lost is the retention rule account-deleted-1-month (modules/privacy/retention); the purge is
 * idempotent, so both may run.
 */
export async function registerAccountJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await jobs.createQueue(PURGE_QUEUE);
  await jobs.work(PURGE_QUEUE, async () => {
    await purgeDeletedAccounts(deps);
  });
}
