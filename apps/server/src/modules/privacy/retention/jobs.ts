import type { Deps } from '../../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../../platform/jobs/boss.ts';
import { retentionRules } from './rules.ts';
import { runRetention } from './run-retention.ts';

/** Every rule with a sweep becomes a pg-boss schedule, which runs once across all nodes. */
export async function registerRetentionJobs(deps: Deps, jobs: Jobs): Promise<void> {
  for (const rule of retentionRules) {
    if (rule.sweep) await scheduleRecurring(jobs, `retention.${rule.id}`, rule.sweep.cron, () => runRetention(deps, rule));
  }
}
