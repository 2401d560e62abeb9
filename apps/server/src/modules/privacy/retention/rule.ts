import type { Deps } from '../../../platform/deps.ts';
import type { BatchOptions } from '../../../platform/jobs/batches.ts';
import { expireRows, type RuleStatus } from './expire-rows.ts';

export type RuleDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export interface RetentionRule {
  /** The id that `retention:` annotations of the data map name. */
  id: string;
  /** What the rule keeps and when it removes it, in words for staff and for the policy page. */
  description: string;
  status(deps: RuleDeps): Promise<RuleStatus>;
  /**
   * How the rule removes what is due: a pg-boss schedule runs it in batches (jobs.ts).
   * Absent where nothing is ever swept, and `kept` says why.
   */
  sweep?: { cron: string; run(deps: RuleDeps, options: BatchOptions): Promise<number> };
  kept?: string;
}

/** Rows held until their retention lapses, then deleted whole by a sweep. */
export function expiring(id: string, description: string, cron: string, spec: Parameters<typeof expireRows>[0]): RetentionRule {
  const rows = expireRows(spec);
  return { id, description, status: rows.status, sweep: { cron, run: rows.sweep } };
}
