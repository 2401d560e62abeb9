import { and, eq, gt, isNotNull, lte, notExists, sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { wantsReminders } from './reminder-choice.ts';
import { license, licenseReminder, licenseType, product } from './schema.ts';

/** Days before expiry a reminder goes out; a run that missed a day still sends the one whose window it is in. */
export const REMINDER_DAYS = [30, 7, 1] as const;
const BATCH = 500;

/**
 * Licenses whose term ends within `days` but after the next reminder's window, and that had no
 * such reminder for this term; a page of them after the license id `after`.
 */
async function due(deps: Pick<Deps, 'db'>, now: Date, window: { days: number; nextDays: number }, after: string | undefined) {
  const { days, nextDays } = window;
  return deps.db
    .select({
      id: license.id,
      userId: license.userId,
      expiresAt: license.expiresAt,
      autoRenew: license.autoRenew,
      productName: product.name,
      typeName: licenseType.name,
    })
    .from(license)
    .innerJoin(licenseType, eq(licenseType.id, license.typeId))
    .innerJoin(product, eq(product.id, licenseType.productId))
    .where(
      and(
        eq(license.status, 'active'),
        isNotNull(license.userId),
        after ? gt(license.id, after) : undefined,
        gt(license.expiresAt, new Date(now.getTime() + nextDays * DAY_MS)),
        lte(license.expiresAt, new Date(now.getTime() + days * DAY_MS)),
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(licenseReminder)
            .where(and(eq(licenseReminder.licenseId, license.id), eq(licenseReminder.termExpiresAt, license.expiresAt), eq(licenseReminder.daysBefore, days))),
        ),
      ),
    )
    .orderBy(license.id)
    .limit(BATCH);
}

type DueRow = Awaited<ReturnType<typeof due>>[number];
type Due = DueRow & { userId: string; expiresAt: Date };

const isDue = (row: DueRow): row is Due => row.userId !== null && row.expiresAt !== null;

async function recipientOf(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  if (!(await wantsReminders(deps, userId)) || (await isRestricted(deps, userId))) return null;
  try {
    return (await getProfile(deps, userId)).email;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

function reminderText(deps: Pick<Deps, 'config'>, row: Due, now: Date): string {
  const daysLeft = Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / DAY_MS));
  const ends = `Your ${row.productName} license (${row.typeName}) ends on ${row.expiresAt.toISOString().slice(0, 10)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}.`;
  const next = row.autoRenew
    ? 'You chose automatic renewal, so it renews by itself; you can turn that off in your account.'
    : `Renew it in your account to keep your devices protected:\n${deps.config.baseUrl}/account/licenses`;
  return `${ends}\n\n${next}\n\nYou get this reminder because you asked for license expiry reminders. Turn them off at any time in your account.`;
}

/** One reminder per license, term and window, recorded before it is sent so a rerun or a second node never sends it twice. */
async function remind(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>, row: Due, days: number, now: Date): Promise<boolean> {
  const to = await recipientOf(deps, row.userId);
  if (!to) return false;
  const key = { licenseId: row.id, termExpiresAt: row.expiresAt, daysBefore: days };
  const claimed = await deps.db
    .insert(licenseReminder)
    .values({ ...key, userId: row.userId, sentAt: now })
    .onConflictDoNothing()
    .returning({ licenseId: licenseReminder.licenseId });
  if (claimed.length === 0) return false;
  try {
    await deps.mailer.send({
      to,
      subject: `Your ${row.productName} license ends soon`,
      text: reminderText(deps, row, now),
      userId: row.userId,
      kind: 'service',
    });
  } catch (error) {
    await deps.db
      .delete(licenseReminder)
      .where(and(eq(licenseReminder.licenseId, key.licenseId), eq(licenseReminder.termExpiresAt, key.termExpiresAt), eq(licenseReminder.daysBefore, days)));
    throw error;
  }
  return true;
}

/** The daily run: mails owners who opted in and are not restricted (LIC-2, RIGHT-6) at 30, 7 and 1 days before expiry. */
export async function sendExpiryReminders(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const [index, days] of REMINDER_DAYS.entries()) {
    const window = { days, nextDays: REMINDER_DAYS[index + 1] ?? 0 };
    let page = await due(deps, now, window, undefined);
    while (page.length > 0) {
      for (const row of page.filter(isDue)) if (await remind(deps, row, days, now)) sent++;
      page = page.length < BATCH ? [] : await due(deps, now, window, page[page.length - 1].id);
    }
  }
  return sent;
}
