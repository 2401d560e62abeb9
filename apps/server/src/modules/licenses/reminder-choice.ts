import type { Deps } from '../../platform/deps.ts';
import { currentConsents } from '../privacy/current-consents.ts';
import { currentNoticeVersion } from '../privacy/publish-policy.ts';
import { recordConsent } from '../privacy/record-consent.ts';
import { refuseOptInWhileRestricted } from '../privacy/rights/restriction.ts';

/** The consent-ledger purpose of expiry reminders: off until the owner opts in (LIC-2). */
export const REMINDER_PURPOSE = 'license-reminders';

export async function wantsReminders(deps: Pick<Deps, 'db'>, userId: string): Promise<boolean> {
  const state = await currentConsents(deps, { userId }, [REMINDER_PURPOSE]);
  return state[REMINDER_PURPOSE];
}

export async function getReminderChoice(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string) {
  return { reminders: await wantsReminders(deps, userId), noticeVersion: await currentNoticeVersion(deps) };
}

/** Each change is a consent record with its time and notice version; withdrawing it stops the next reminder. */
export async function setReminderChoice(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, reminders: boolean) {
  const current = await currentConsents(deps, { userId }, [REMINDER_PURPOSE]);
  await refuseOptInWhileRestricted(deps, userId, reminders && !current[REMINDER_PURPOSE]);
  await recordConsent(deps, { userId }, [{ purpose: REMINDER_PURPOSE, granted: reminders }], current, {
    noticeVersion: await currentNoticeVersion(deps),
    source: 'license-reminders',
  });
  return getReminderChoice(deps, userId);
}
