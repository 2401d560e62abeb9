import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { sendContractReminders } from './send-contract-reminders.ts';

export const CONTRACT_REMINDER_QUEUE = 'support-contract-reminders';

export async function registerContractJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await scheduleRecurring(jobs, CONTRACT_REMINDER_QUEUE, '25 8 * * *', () => sendContractReminders(deps));
}
