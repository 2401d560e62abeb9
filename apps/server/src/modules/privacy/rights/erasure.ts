import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DAY_MS } from '../../../platform/clock.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import type { Auth } from '../../accounts/auth.ts';
import { endAccount } from '../../accounts/delete-account.ts';
import { getProfile } from '../../accounts/profile.ts';
import { requireFreshSignIn } from '../../accounts/require-fresh-sign-in.ts';
import { clearFailures } from '../../accounts/sign-in-throttle.ts';
import { eraseSubject, keptUntil } from './erase-subject.ts';
import { withdrawAllConsents } from './objections.ts';
import { openRequest, setRequestStatus } from './requests.ts';
import { rightsMessages } from './rights-messages.ts';
import { erasureReport } from './schema.ts';

export const REPORT_DAYS = 30;
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * RIGHT-1: erases the signed-in person's data now, not after the account purge's grace period.
 * Consents are withdrawn first, so the proof the law asks us to keep records that they ended.
 * The report names tables, strategies and dates only, and is reachable by a mailed link.
 */
export async function eraseMe(auth: Auth, deps: Deps, caller: { userId: string; sessionCreatedAt: Date }) {
  requireFreshSignIn(deps, caller);
  const { email } = await getProfile(deps, caller.userId);
  const request = await openRequest(deps, caller.userId, 'erasure');
  await withdrawAllConsents(deps, caller.userId, false);
  // Erased in one transaction first, so a failure leaves the account whole and the person can try again.
  const { erased, kept } = await eraseSubject(deps, { userId: caller.userId, email });
  // Then what lives outside the database: cached sessions, and the purge job as a safety net.
  await endAccount(auth, deps, caller.userId);
  await clearFailures(deps, email);
  const now = deps.clock.now();
  const report = {
    requestId: request.id,
    erasedAt: now.toISOString(),
    erased,
    kept: [
      ...kept,
      {
        table: 'outbox_message',
        columns: ['recipient', 'subject', 'body'],
        reason: 'The one message that sends you the link to this report, until it is delivered or 30 days have passed',
        retention: 'outbox-30-days',
        until: keptUntil('outbox-30-days', now),
      },
    ],
  };
  const token = randomBytes(32).toString('base64url');
  await deps.db
    .insert(erasureReport)
    .values({ requestId: request.id, tokenHash: hashToken(token), report, createdAt: now, expiresAt: new Date(now.getTime() + REPORT_DAYS * DAY_MS) });
  await setRequestStatus(deps, request.id, 'done');
  await rightsMessages(deps).erased(email, caller.userId, `${deps.config.baseUrl}/privacy/erasure-report/${request.id}?token=${token}`);
  return report;
}

/** The report, for whoever holds the mailed link, for 30 days. */
export async function readErasureReport(deps: Pick<Deps, 'db' | 'clock'>, requestId: string, token: string) {
  const [row] = await deps.db.select().from(erasureReport).where(eq(erasureReport.requestId, requestId));
  const given = Buffer.from(hashToken(token));
  if (!row || given.length !== row.tokenHash.length || !timingSafeEqual(given, Buffer.from(row.tokenHash))) throw problems.notFound('erasure report');
  if (row.expiresAt <= deps.clock.now()) throw new Problem(410, 'report-expired', 'This report was available for 30 days');
  return row.report;
}
