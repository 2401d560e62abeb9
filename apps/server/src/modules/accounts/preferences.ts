import type { Deps } from '../../platform/deps.ts';
import { currentConsents } from '../privacy/current-consents.ts';
import { CURRENT_NOTICE_VERSION, OPT_IN_PURPOSES } from '../privacy/notice.ts';
import { recordConsent } from '../privacy/record-consent.ts';

export interface Preferences {
  news: boolean;
  surveys: boolean;
}

export async function getPreferences(deps: Pick<Deps, 'db'>, userId: string) {
  const state = await currentConsents(deps, userId, OPT_IN_PURPOSES);
  return { news: state.news, surveys: state.surveys, noticeVersion: CURRENT_NOTICE_VERSION };
}

/** Each opt-in is its own consent record, with the time and the notice version (ACC-3). */
export async function setPreferences(deps: Pick<Deps, 'db' | 'clock'>, userId: string, preferences: Preferences) {
  const current = await currentConsents(deps, userId, OPT_IN_PURPOSES);
  await recordConsent(
    deps,
    { userId },
    [
      { purpose: 'news', granted: preferences.news },
      { purpose: 'surveys', granted: preferences.surveys },
    ],
    current,
    { noticeVersion: CURRENT_NOTICE_VERSION, source: 'account-preferences' },
  );
  return getPreferences(deps, userId);
}
