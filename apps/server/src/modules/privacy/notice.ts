/**
 * Version of the privacy notice a consent was given under. The privacy engine replaces this
 * with the hash of the generated policy.
 */
export const CURRENT_NOTICE_VERSION = '2026-11-draft';

/** Purposes that need their own opt-in, off until the person turns them on (ACC-3). */
export const OPT_IN_PURPOSES = ['news', 'surveys'] as const;
export type OptInPurpose = (typeof OPT_IN_PURPOSES)[number];
