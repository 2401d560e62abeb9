import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { sendExpiryReminders } from './send-reminders.ts';

export const REMINDER_QUEUE = 'license-expiry-reminders';

/** Once a day, on one node: expiry reminders for owners who asked for them (LIC-2). */
export async function registerLicenseJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await scheduleRecurring(jobs, REMINDER_QUEUE, '15 8 * * *', () => sendExpiryReminders(deps));
}
