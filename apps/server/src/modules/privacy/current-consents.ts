import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { consentLedger } from './schema.ts';

/** The latest ledger row of each purpose wins; a purpose never chosen is off. */
export async function currentConsents(deps: Pick<Deps, 'db'>, userId: string, purposes: readonly string[]): Promise<Record<string, boolean>> {
  const rows = await deps.db
    .selectDistinctOn([consentLedger.purpose], { purpose: consentLedger.purpose, granted: consentLedger.granted })
    .from(consentLedger)
    .where(and(eq(consentLedger.userId, userId), inArray(consentLedger.purpose, [...purposes])))
    .orderBy(consentLedger.purpose, desc(consentLedger.id));
  const state: Record<string, boolean> = Object.fromEntries(purposes.map((p) => [p, false]));
  for (const row of rows) state[row.purpose] = row.granted;
  return state;
}
