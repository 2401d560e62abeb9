import { inject } from 'vitest';
import { type ScratchDatabase, scratchDatabaseOn } from '../platform/db/scratch-database.ts';

/**
 * A migrated database of the test's own on the run's server, for tests that count every row of
 * a table (retention, statistics) and so cannot share one with test files running beside them.
 */
export function ownDatabase(): Promise<ScratchDatabase> {
  const server = new URL(inject('databaseUrl'));
  server.pathname = '/postgres';
  return scratchDatabaseOn(server.toString(), 'steward_own');
}
