import { and, eq, gt, lte } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { supportContract, supportContractPerson, supportContractReminder } from './schema.ts';

export const CONTRACT_REMINDER_DAYS = [30, 7] as const;

async function addressOf(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  if (await isRestricted(deps, userId)) return null;
  try {
    return (await getProfile(deps, userId)).email;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

type Contract = typeof supportContract.$inferSelect;

/** One reminder per contract, person, term end and window, claimed before it is sent so a rerun never sends it twice. */
async function remind(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>, contract: Contract, userId: string, days: number): Promise<boolean> {
  const to = await addressOf(deps, userId);
  if (!to) return false;
  const key = { contractId: contract.id, userId, endsAt: contract.endsAt, daysBefore: days };
  const claimed = await deps.db
    .insert(supportContractReminder)
    .values({ ...key, sentAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ id: supportContractReminder.contractId });
  if (claimed.length === 0) return false;
  try {
    await deps.mailer.send({
      to,
      subject: `Your company’s ${contract.product} support contract ends soon`,
      text: `The ${contract.level} support contract for ${contract.product} ends on ${contract.endsAt.toISOString().slice(0, 10)}. You get this because you are named as authorised on it.\n\n${deps.config.baseUrl}/account/company`,
      userId,
      kind: 'service',
    });
  } catch (error) {
    // Unclaimed, the next run sends the reminder again rather than never.
    await deps.db
      .delete(supportContractReminder)
      .where(
        and(
          eq(supportContractReminder.contractId, key.contractId),
          eq(supportContractReminder.userId, key.userId),
          eq(supportContractReminder.endsAt, key.endsAt),
          eq(supportContractReminder.daysBefore, key.daysBefore),
        ),
      );
    throw error;
  }
  return true;
}

/** ORG-5: each named person is mailed 30 and 7 days before the contract ends, once per window; never a restricted account. */
export async function sendContractReminders(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const [index, days] of CONTRACT_REMINDER_DAYS.entries()) {
    const next = CONTRACT_REMINDER_DAYS[index + 1] ?? 0;
    const due = await deps.db
      .select({ contract: supportContract, userId: supportContractPerson.userId })
      .from(supportContract)
      .innerJoin(supportContractPerson, eq(supportContractPerson.contractId, supportContract.id))
      .where(and(gt(supportContract.endsAt, new Date(now.getTime() + next * DAY_MS)), lte(supportContract.endsAt, new Date(now.getTime() + days * DAY_MS))));
    for (const { contract, userId } of due) if (await remind(deps, contract, userId, days)) sent++;
  }
  return sent;
}
