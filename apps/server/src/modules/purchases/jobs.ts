import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { runAutoRenewals } from './run-auto-renewals.ts';
import { openStore } from './store-providers.ts';

export const AUTO_RENEW_QUEUE = 'purchases-auto-renew';

/** Daily; pg-boss runs each scheduled job once across all nodes, and each term is charged at most once anyway. */
export async function registerPurchaseJobs(deps: Deps, jobs: Jobs): Promise<void> {
  const store = openStore(deps);
  await scheduleRecurring(jobs, AUTO_RENEW_QUEUE, '20 3 * * *', () => runAutoRenewals(deps, store));
}
