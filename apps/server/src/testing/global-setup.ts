import type { TestProject } from 'vitest/node';
import { scratchDatabase } from '../platform/db/scratch-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One fresh database per run: on DATABASE_URL's server when set, else on an embedded PostgreSQL. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await scratchDatabase('steward_test', (line) => console.error(line));
  project.provide('databaseUrl', database.url);
  return database.drop;
}
