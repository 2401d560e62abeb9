import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { cookiePurpose } from '../cookie-consent.ts';
import { currentConsents, latestChoices } from '../current-consents.ts';
import { currentNoticeVersion } from '../publish-policy.ts';
import { recordConsent } from '../record-consent.ts';
import { consentLedger } from '../schema.ts';
import { recordDoneRequest } from './requests.ts';

/** Processing based on legitimate interest that a person may object to, and the consent purposes it also ends. */
export const OBJECTABLE = { statistics: [cookiePurpose('first-party-analytics')], surveys: ['surveys'] } as const;
export type Objectable = keyof typeof OBJECTABLE;

export const objectionPurpose = (purpose: string) => `objection:${purpose}`;

/** Withdraws each purpose that is granted now, by appending rows; the ledger is never updated. */
async function withdraw(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, purposes: string[], source: string): Promise<string[]> {
  const current = await currentConsents(deps, { userId }, purposes);
  const granted = purposes.filter((p) => current[p]);
  const choices = [...new Set(purposes)].map((purpose) => ({ purpose, granted: false }));
  await recordConsent(deps, { userId }, choices, current, { noticeVersion: await currentNoticeVersion(deps), source });
  return granted;
}

/**
 * Records the objection in the consent ledger and stops the processing: the consent that
 * feeds it is withdrawn too, so every check that reads the ledger stops at once.
 */
export async function objectTo(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, purpose: Objectable) {
  const objection = objectionPurpose(purpose);
  await recordConsent(
    deps,
    { userId },
    [{ purpose: objection, granted: false }],
    {},
    { noticeVersion: await currentNoticeVersion(deps), source: 'rights-objection' },
  );
  const withdrawn = await withdraw(deps, userId, [...OBJECTABLE[purpose]], 'rights-objection');
  const request = await recordDoneRequest(deps, userId, 'objection', { purpose });
  return { purpose, withdrawn, requestId: request.id };
}

/**
 * Lifting an objection appends a row that permits the processing again; like every choice in
 * the ledger, the latest row for the objection purpose is the one in force.
 */
export async function liftObjection(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, purpose: Objectable) {
  const objection = objectionPurpose(purpose);
  const current = { [objection]: !(await hasObjected(deps, userId, purpose)) };
  await recordConsent(deps, { userId }, [{ purpose: objection, granted: true }], current, {
    noticeVersion: await currentNoticeVersion(deps),
    source: 'rights-objection',
  });
  const request = await recordDoneRequest(deps, userId, 'objection', { purpose, lifted: true });
  return { purpose, requestId: request.id };
}

/** Which processing the person objects to now. */
export async function objections(deps: Pick<Deps, 'db'>, userId: string): Promise<Record<Objectable, boolean>> {
  const purposes = Object.keys(OBJECTABLE) as Objectable[];
  const rows = await latestChoices(deps, { userId }, purposes.map(objectionPurpose));
  const objected = new Set(rows.filter((r) => !r.granted).map((r) => r.purpose));
  return Object.fromEntries(purposes.map((p) => [p, objected.has(objectionPurpose(p))])) as Record<Objectable, boolean>;
}

/** True while the person objects to this purpose: marketing mail for it is not sent. */
export async function hasObjected(deps: Pick<Deps, 'db'>, userId: string, purpose: string): Promise<boolean> {
  const [latest] = await latestChoices(deps, { userId }, [objectionPurpose(purpose)]);
  return latest !== undefined && !latest.granted;
}

/** Every consent whose latest ledger row for the person is a grant; a lifted objection is not a consent. */
async function grantedPurposes(deps: Pick<Deps, 'db'>, userId: string): Promise<string[]> {
  const rows = await deps.db
    .selectDistinctOn([consentLedger.purpose], { purpose: consentLedger.purpose, granted: consentLedger.granted })
    .from(consentLedger)
    .where(eq(consentLedger.userId, userId))
    .orderBy(consentLedger.purpose, desc(consentLedger.id));
  return rows.filter((r) => r.granted && !r.purpose.startsWith(objectionPurpose(''))).map((r) => r.purpose);
}

/** Withdraws every consent the person gave, by appending a withdrawal for each (RIGHT-1). */
export async function withdrawAllConsents(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, record = true) {
  const withdrawn = await withdraw(deps, userId, await grantedPurposes(deps, userId), 'rights-withdraw-all');
  const request = record ? await recordDoneRequest(deps, userId, 'withdrawal', { purposes: withdrawn }) : null;
  return { withdrawn, requestId: request?.id ?? null };
}
