import type { Deps } from '../../platform/deps.ts';
import { currentConsents } from '../privacy/current-consents.ts';
import { OPT_IN_PURPOSES } from '../privacy/notice.ts';
import { currentNoticeVersion } from '../privacy/publish-policy.ts';
import { recordConsent } from '../privacy/record-consent.ts';
import { refuseOptInWhileRestricted } from '../privacy/rights/restriction.ts';

export interface Preferences {
  news: boolean;
  surveys: boolean;
}

export async function getPreferences(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string) {
  const state = await currentConsents(deps, { userId }, OPT_IN_PURPOSES);
  return { news: state.news, surveys: state.surveys, noticeVersion: await currentNoticeVersion(deps) };
}

/** Each opt-in is its own consent record, with the time and the notice version (ACC-3). */
export async function setPreferences(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, preferences: Preferences) {
  const current = await currentConsents(deps, { userId }, OPT_IN_PURPOSES);
  await refuseOptInWhileRestricted(deps, userId, (preferences.news && !current.news) || (preferences.surveys && !current.surveys));
  await recordConsent(
    deps,
    { userId },
    [
      { purpose: 'news', granted: preferences.news },
      { purpose: 'surveys', granted: preferences.surveys },
    ],
    current,
    { noticeVersion: await currentNoticeVersion(deps), source: 'account-preferences' },
  );
  return getPreferences(deps, userId);
}
