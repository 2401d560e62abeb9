import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import type { BatchOptions } from '../../../platform/jobs/batches.ts';
import type { RetentionRule } from './rule.ts';
import { retentionRun } from './schema.ts';

type RunDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'log'>;

/**
 * Runs one rule's sweep and records the run in retention_run: its row is written first, its
 * count after every batch, its end (or the error's message) last. A run the process did not
 * survive stays without finished_at; the next run simply goes on, since every sweep only
 * looks at what is due now.
 */
export async function runRetention(deps: RunDeps, rule: RetentionRule, options: BatchOptions = {}): Promise<number> {
  if (!rule.sweep) return 0;
  const [run] = await deps.db.insert(retentionRun).values({ rule: rule.id, startedAt: deps.clock.now() }).returning({ id: retentionRun.id });
  let rows = 0;
  try {
    rows = await rule.sweep.run(deps, {
      batchSize: options.batchSize,
      afterBatch: async (batch) => {
        await deps.db
          .update(retentionRun)
          .set({ rows: sql`${retentionRun.rows} + ${batch}` })
          .where(eq(retentionRun.id, run.id));
        await options.afterBatch?.(batch);
      },
    });
    await deps.db.update(retentionRun).set({ finishedAt: deps.clock.now(), rows }).where(eq(retentionRun.id, run.id));
    deps.log.info({ rule: rule.id, rows }, 'retention sweep done');
    return rows;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db
      .update(retentionRun)
      .set({ finishedAt: deps.clock.now(), error: message.slice(0, 500) })
      .where(eq(retentionRun.id, run.id));
    deps.log.error({ rule: rule.id, err: { message } }, 'retention sweep failed');
    throw error;
  }
}
