/** Purposes that need their own opt-in, off until the person turns them on (ACC-3). */
export const OPT_IN_PURPOSES = ['news', 'surveys'] as const;
export type OptInPurpose = (typeof OPT_IN_PURPOSES)[number];
