import { and, desc, eq } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { userSummaries } from '../accounts/user-summaries.ts';
import { trialEnds } from '../licenses/license-ends.ts';
import { unusableLicenses } from '../licenses/managed-license.ts';
import { mailConnection, mailNotice, mailTrialNotice } from './schema.ts';

export const TRIAL_NOTICE_DAYS = 3;
const PAGE = '/account/mail-protection';
const NOTICES_SHOWN = 100;

type NoticeDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;

/** Who hears about a connection: the owner of a personal license, else the administrator who connected it. */
async function peopleOf(deps: Pick<Deps, 'db'>, rows: Array<{ userId: string | null; connectedBy: string | null }>) {
  const ids = [...new Set(rows.map((row) => row.userId ?? row.connectedBy).filter((id): id is string => id !== null))];
  const people = await userSummaries(deps, ids);
  return [...people.values()].filter((person) => !person.deleted);
}

/**
 * MAIL-3: staff tell every customer whose mailboxes or files are protected about an outage or an update. It is a service
 * message, sent to each person once, and the notice is kept with the number of people it went to.
 */
export async function sendServiceNotice(deps: NoticeDeps, staffUserId: string, input: { kind: 'outage' | 'update'; subject: string; text: string }) {
  const rows = await deps.db
    .select({ userId: mailConnection.userId, connectedBy: mailConnection.connectedBy, licenseId: mailConnection.licenseId })
    .from(mailConnection);
  const stopped = await unusableLicenses(deps, [...new Set(rows.map((r) => r.licenseId))], deps.clock.now());
  const people = await peopleOf(
    deps,
    rows.filter((row) => !stopped.has(row.licenseId)),
  );
  const label = input.kind === 'outage' ? 'Service notice' : 'Update';
  for (const person of people) {
    await deps.mailer.send({
      to: person.email,
      userId: person.id,
      subject: `Steward Mail Protection — ${label}: ${input.subject}`,
      text: `${input.text}\n\nYou get this message because Steward Mail Protection protects a mailbox or file store of yours: ${deps.config.baseUrl}${PAGE}`,
    });
  }
  const [notice] = await deps.db
    .insert(mailNotice)
    .values({ kind: input.kind, subject: input.subject, body: input.text, staffUserId, recipients: people.length, createdAt: deps.clock.now() })
    .returning();
  return { id: notice.id, recipients: notice.recipients };
}

/**
 * MAIL-3: a trial that protects mailboxes or files is about to end; its people are told, once per trial end, that scanning
 * stops then and that the connections' data goes six months later unless a license follows.
 */
export async function sendTrialNotices(deps: NoticeDeps): Promise<number> {
  const rows = await deps.db
    .select({ userId: mailConnection.userId, connectedBy: mailConnection.connectedBy, licenseId: mailConnection.licenseId })
    .from(mailConnection);
  const now = deps.clock.now();
  const ends = await trialEnds(deps, [...new Set(rows.map((r) => r.licenseId))]);
  let sent = 0;
  for (const [licenseId, endsAt] of ends) {
    if (endsAt <= now || endsAt.getTime() - now.getTime() > TRIAL_NOTICE_DAYS * DAY_MS) continue;
    const claimed = await deps.db.insert(mailTrialNotice).values({ licenseId, endsAt, sentAt: now }).onConflictDoNothing().returning();
    if (claimed.length === 0) continue;
    const day = endsAt.toISOString().slice(0, 10);
    try {
      for (const person of await peopleOf(
        deps,
        rows.filter((row) => row.licenseId === licenseId),
      )) {
        await deps.mailer.send({
          to: person.email,
          userId: person.id,
          subject: 'Your Steward Mail Protection trial ends soon',
          text: `Your Mail Protection trial ends on ${day}. From then on your connected mailboxes and file stores are no longer scanned. Their connection details are deleted six months after the trial ends, unless you add a license: ${deps.config.baseUrl}${PAGE}`,
        });
        sent += 1;
      }
    } catch (error) {
      // Unclaimed, so the next run tries again rather than never telling them.
      await deps.db.delete(mailTrialNotice).where(and(eq(mailTrialNotice.licenseId, licenseId), eq(mailTrialNotice.endsAt, endsAt)));
      throw error;
    }
  }
  return sent;
}

export async function listServiceNotices(deps: Pick<Deps, 'db'>) {
  const rows = await deps.db.select().from(mailNotice).orderBy(desc(mailNotice.createdAt)).limit(NOTICES_SHOWN);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    recipients: row.recipients,
    createdAt: row.createdAt.toISOString(),
  }));
}
