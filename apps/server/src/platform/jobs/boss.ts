import { PgBoss } from 'pg-boss';

export type Jobs = PgBoss;

export async function startJobs(databaseUrl: string, onError: (error: Error) => void): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4 });
  boss.on('error', onError);
  await boss.start();
  return boss;
}

/**
 * A named recurring job: the queue is made if missing, and the cron replaces any older one. `oneAtATime` makes it a
 * stately queue (one job queued and one active at most, across all nodes), for work that must not overlap itself.
 */
export async function scheduleRecurring(
  boss: Jobs,
  name: string,
  cron: string,
  handler: () => Promise<unknown>,
  options: { oneAtATime?: boolean } = {},
): Promise<void> {
  await boss.createQueue(name, options.oneAtATime ? { policy: 'stately' } : {});
  await boss.schedule(name, cron, null, { tz: 'UTC' });
  await boss.work(name, async () => {
    await handler();
  });
}
