import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notPersonal } from '../../../platform/datamap/annotate.ts';

/** One row per run of a retention sweep, so the report can show the last run and its count. */
export const retentionRun = pgTable(
  'retention_run',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    rule: notPersonal(text('rule').notNull(), 'id of a retention rule'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    // Null while running, and for ever after a crash that left no chance to write it.
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rows: notPersonal(integer('rows').notNull().default(0), 'how many rows the run removed, updated after each batch'),
    // Only the error's message: PostgreSQL puts the values of a failing row in `detail`, which is not kept.
    error: notPersonal(text('error'), 'message of the error that stopped the run; names no row'),
  },
  (t) => [index('retention_run_rule_idx').on(t.rule, t.id)],
);
