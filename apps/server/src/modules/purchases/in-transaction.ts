import type { Db } from '../../platform/db/pool.ts';
import type { Deps } from '../../platform/deps.ts';

export type TxDeps = Pick<Deps, 'db' | 'clock'>;

/**
 * Runs the work in one transaction, handing it deps whose db is that transaction. The licenses
 * services take a plain Db; a drizzle transaction answers the same queries (a nested
 * transaction becomes a savepoint), so they join this one and roll back with it.
 */
export function inTransaction<T>(deps: Pick<Deps, 'db' | 'clock'>, work: (tx: TxDeps) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => work({ db: tx as unknown as Db, clock: deps.clock }));
}
