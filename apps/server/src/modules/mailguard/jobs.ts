import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { runScans } from './run-scans.ts';
import { sendTrialNotices } from './service-notices.ts';

export const SCAN_QUEUE = 'mailguard-scan';
export const TRIAL_NOTICE_QUEUE = 'mailguard-trial-notices';

/** Scans run every minute, never two at once across all nodes: two scans of one mailbox would both read from its cursor. */
export async function registerMailguardJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await scheduleRecurring(jobs, SCAN_QUEUE, '* * * * *', () => runScans(deps), { oneAtATime: true });
  await scheduleRecurring(jobs, TRIAL_NOTICE_QUEUE, '40 8 * * *', () => sendTrialNotices(deps));
}
