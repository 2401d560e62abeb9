/**
 * Each retention rule of the data map in plain words, for the policy. The retention engine
 * enforces the rules; this only says them.
 */
export const retentionText: Record<string, string> = {
  'account-deleted-1-month': 'While you have the account; deleted no later than one month after you delete it (ACC-5)',
  'session-ended': 'Until the session ends: you sign out, it expires after 7 days of no use, or the account is deleted',
  'verification-expired': 'Until the code is used or expires (at most 24 hours)',
  'rate-limit-window': 'For the one-minute counting window',
  'throttle-1-day': 'One day after the last failed sign-in',
  'consent-proof-3-years': 'Three years after the choice, to prove it',
  'outbox-30-days': '30 days after the message was sent',
  'mail-open-90-days': '90 days, then only totals are kept',
  'subject-lifetime': 'While you have the account; erased beyond recovery when it is deleted',
  'audit-6-years': 'Six years, as the law asks for the log; anonymised rather than deleted when you erase your account',
};

/** A rule without words still appears, by its id, rather than vanish from the policy. */
export function describeRetention(rule: string): string {
  return retentionText[rule] ?? `Kept under retention rule “${rule}”`;
}
