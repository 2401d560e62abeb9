import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { consentLedger } from './schema.ts';

/** A signed-in person, or a browser known only by the random id of its consent cookie. */
export type ConsentSubject = { userId: string } | { visitorId: string };

function subjectIs(subject: ConsentSubject) {
  return 'userId' in subject ? eq(consentLedger.userId, subject.userId) : eq(consentLedger.visitorId, subject.visitorId);
}

/** The latest ledger row of each purpose the subject ever chose. */
export async function latestChoices(deps: Pick<Deps, 'db'>, subject: ConsentSubject, purposes: readonly string[]) {
  return deps.db
    .selectDistinctOn([consentLedger.purpose], { purpose: consentLedger.purpose, granted: consentLedger.granted })
    .from(consentLedger)
    .where(and(subjectIs(subject), inArray(consentLedger.purpose, [...purposes])))
    .orderBy(consentLedger.purpose, desc(consentLedger.id));
}

/** The latest ledger row of each purpose wins; a purpose never chosen is off. */
export async function currentConsents(deps: Pick<Deps, 'db'>, subject: ConsentSubject, purposes: readonly string[]): Promise<Record<string, boolean>> {
  const rows = await latestChoices(deps, subject, purposes);
  const state: Record<string, boolean> = Object.fromEntries(purposes.map((p) => [p, false]));
  for (const row of rows) state[row.purpose] = row.granted;
  return state;
}
