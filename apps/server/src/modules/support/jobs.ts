import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { sendRequestSurveys } from './send-request-surveys.ts';
import { sendYearlySurveys } from './send-yearly-surveys.ts';

export const REQUEST_SURVEY_QUEUE = 'support-request-surveys';
export const YEARLY_SURVEY_QUEUE = 'support-yearly-surveys';

/** Satisfaction surveys (SUP-5): soon after a request closes, and once a year for those who opted in. */
export async function registerSupportJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await scheduleRecurring(jobs, REQUEST_SURVEY_QUEUE, '*/15 * * * *', () => sendRequestSurveys(deps));
  await scheduleRecurring(jobs, YEARLY_SURVEY_QUEUE, '40 9 * * *', () => sendYearlySurveys(deps));
}
