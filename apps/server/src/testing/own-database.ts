import { inject } from 'vitest';
import { type ScratchDatabase, scratchDatabaseOn } from '../platform/db/scratch-database.ts';
import { createTestApp, type TestApp } from './harness.ts';

/**
 * A migrated database of the test's own on the run's server, for tests that count every row of
 * a table (retention, statistics) and so cannot share one with test files running beside them.
 */
export function ownDatabase(): Promise<ScratchDatabase> {
  const server = new URL(inject('databaseUrl'));
  server.pathname = '/postgres';
  return scratchDatabaseOn(server.toString(), 'steward_own');
}

/** A test app on a database of its own; closing it drops the database. */
export async function createOwnTestApp(): Promise<TestApp> {
  const own = await ownDatabase();
  const t = await createTestApp({ databaseUrl: own.url });
  return {
    ...t,
    close: async () => {
      await t.close();
      await own.drop();
    },
  };
}
