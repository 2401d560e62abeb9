import { and, count, desc, eq } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { Problem, problems } from '../../platform/errors.ts';
import { userSummaries } from '../accounts/user-summaries.ts';
import { trialEnds } from '../licenses/license-ends.ts';
import { unusableLicenses } from '../licenses/managed-license.ts';
import { mailConnection, mailNotice, mailNoticeDelivery, mailTrialNotice, type NoticeKind } from './schema.ts';

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

/** Each connection's license and the people it concerns. */
const connectionPeople = (deps: Pick<Deps, 'db'>) =>
  deps.db.select({ userId: mailConnection.userId, connectedBy: mailConnection.connectedBy, licenseId: mailConnection.licenseId }).from(mailConnection);

/** Who the notice goes to now: everyone whose mailboxes or files are protected under a license still in use. */
async function protectedPeople(deps: NoticeDeps) {
  const rows = await connectionPeople(deps);
  const stopped = await unusableLicenses(deps, [...new Set(rows.map((r) => r.licenseId))], deps.clock.now());
  return peopleOf(
    deps,
    rows.filter((row) => !stopped.has(row.licenseId)),
  );
}

/**
 * Sends a notice to each person not sent it yet, claiming them one by one: a failed mail gives its claim back and stops
 * the delivery, which a later call resumes, so nobody gets a notice twice.
 */
export async function deliverNotice(deps: NoticeDeps, noticeId: string): Promise<{ id: string; recipients: number }> {
  const [notice] = await deps.db.select().from(mailNotice).where(eq(mailNotice.id, noticeId));
  if (!notice) throw problems.notFound('notice');
  const label = notice.kind === 'outage' ? 'Service notice' : 'Update';
  for (const person of await protectedPeople(deps)) {
    const claimed = await deps.db
      .insert(mailNoticeDelivery)
      .values({ noticeId, userId: person.id, sentAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0) continue;
    try {
      await deps.mailer.send({
        to: person.email,
        userId: person.id,
        subject: `Steward Mail Protection — ${label}: ${notice.subject}`,
        text: `${notice.body}\n\nYou get this message because Steward Mail Protection protects a mailbox or file store of yours: ${deps.config.baseUrl}${PAGE}`,
      });
    } catch (error) {
      await deps.db.delete(mailNoticeDelivery).where(and(eq(mailNoticeDelivery.noticeId, noticeId), eq(mailNoticeDelivery.userId, person.id)));
      throw new Problem(502, 'notice-partly-sent', 'The mail server failed; the notice reached only some customers', {
        detail: `Send notice ${noticeId} again to reach the others; nobody gets it twice. (${(error as Error).message})`,
      });
    }
  }
  const [sent] = await deps.db.select({ n: count() }).from(mailNoticeDelivery).where(eq(mailNoticeDelivery.noticeId, noticeId));
  await deps.db.update(mailNotice).set({ recipients: sent.n }).where(eq(mailNotice.id, noticeId));
  return { id: noticeId, recipients: sent.n };
}

/** MAIL-3: staff tell every customer whose mailboxes or files are protected about an outage or an update, once each. */
export async function sendServiceNotice(deps: NoticeDeps, staffUserId: string, input: { kind: NoticeKind; subject: string; text: string }) {
  const [notice] = await deps.db
    .insert(mailNotice)
    .values({ kind: input.kind, subject: input.subject, body: input.text, staffUserId, recipients: 0, createdAt: deps.clock.now() })
    .returning({ id: mailNotice.id });
  return deliverNotice(deps, notice.id);
}

/**
 * MAIL-3: a trial that protects mailboxes or files is about to end; its people are told, once per trial end, that scanning
 * stops then and that the connections' data goes six months later unless a license follows.
 */
export async function sendTrialNotices(deps: NoticeDeps): Promise<number> {
  const rows = await connectionPeople(deps);
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
