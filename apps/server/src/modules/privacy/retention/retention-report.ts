import { desc } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { retentionRules } from './rules.ts';
import { retentionRun } from './schema.ts';

export interface RetentionReportRow {
  rule: string;
  description: string;
  /** The pg-boss cron of the sweep, or null for a rule whose data is kept. */
  schedule: string | null;
  kept: string | null;
  due: number;
  oldest: Date | null;
  lastRun: { startedAt: Date; finishedAt: Date | null; rows: number; error: string | null } | null;
}

/** Per rule: what is due now, the oldest item still held, and the last run. Counts and times only, never a row's content. */
export async function retentionReport(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<RetentionReportRow[]> {
  const lastRuns = await deps.db
    .selectDistinctOn([retentionRun.rule])
    .from(retentionRun)
    // The latest row, not the latest started_at: ids follow the order runs began even when nodes' clocks differ.
    .orderBy(retentionRun.rule, desc(retentionRun.id));
  const lastByRule = new Map(lastRuns.map((run) => [run.rule, run]));
  const rows: RetentionReportRow[] = [];
  for (const rule of retentionRules) {
    const status = await rule.status(deps);
    const last = lastByRule.get(rule.id);
    rows.push({
      rule: rule.id,
      description: rule.description,
      schedule: rule.sweep?.cron ?? null,
      kept: rule.kept ?? null,
      due: status.due,
      oldest: status.oldest,
      lastRun: last ? { startedAt: last.startedAt, finishedAt: last.finishedAt, rows: last.rows, error: last.error } : null,
    });
  }
  return rows;
}

const iso = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '—');

function lastRunText(run: RetentionReportRow['lastRun']): string {
  if (!run) return 'never';
  const state = run.error ? `failed: ${run.error}` : run.finishedAt ? 'done' : 'running or interrupted';
  return `${iso(run.startedAt)}, ${run.rows} rows, ${state}`;
}

/** The report as `steward retention report` prints it: one line a rule, then each rule in words. */
export function formatRetentionReport(rows: RetentionReportRow[]): string {
  const table = [
    ['rule', 'due', 'oldest held', 'last run'],
    ...rows.map((r) => [r.rule, r.kept ? 'kept' : String(r.due), iso(r.oldest), r.kept ? 'no sweep' : lastRunText(r.lastRun)]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
  const lines = table.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  const words = rows.map((r) => `${r.rule}: ${r.description}${r.kept ? ` ${r.kept}` : ''}`);
  return `${lines.join('\n')}\n\n${words.join('\n')}\n`;
}
