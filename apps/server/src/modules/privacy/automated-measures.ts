/**
 * PRIN-5: what the code does to a person by itself, and the person who can undo it. Decisions with
 * legal or similar effect (refusing or extending a privacy request, revoking a license outside a
 * refund, blocking an account) exist only as staff actions that record who decided and why.
 */

export interface AutomatedMeasure {
  id: string;
  what: string;
  /** Why it may run without a person: security, the person's own choice, or the law. */
  why: string;
  /** How a person looks at it again or undoes it. */
  human: string;
}

export const NO_AUTOMATED_DECISIONS =
  'Steward makes no decision about you by automated means alone. Whether a privacy request is refused or takes longer, whether a license is taken away other than after a refund, and whether an account is blocked are decided by a member of staff, who records the reason and tells you. The few things the service does by itself are listed here, each with the way to reach a person.';

export const AUTOMATED_MEASURES: AutomatedMeasure[] = [
  {
    id: 'sign-in-backoff',
    what: 'After five wrong passwords in a row, signing in to that address pauses for 30 seconds, doubling up to one hour.',
    why: 'Security: it stops password guessing, and it ends by itself.',
    human: 'Reset the password by email at any time, or write to support to have the pause lifted.',
  },
  {
    id: 'rate-limits',
    what: 'Too many requests from one address or device in a minute are answered with “try again later”.',
    why: 'Security and fair use: it protects the service and ends within the minute.',
    human: 'Write to support if a limit keeps you from using the service.',
  },
  {
    id: 'license-checks',
    what: 'Your installed product checks its license: an expired, revoked or fully used license stops the features it pays for.',
    why: 'The contract: the license says what it covers and until when.',
    human: 'Renew or free a seat in your account, or write to support if the answer looks wrong.',
  },
  {
    id: 'refund-revocation',
    what: 'When the store refunds an order, the licenses that order delivered are revoked.',
    why: 'The refund itself was asked for by you or decided by the store’s staff; revoking follows from it.',
    human: 'Write to support to have a license restored if the refund was a mistake.',
  },
  {
    id: 'auto-renewal',
    what: 'A subscription with automatic renewal switched on is renewed with your saved card the day before it ends.',
    why: 'Your own choice: it runs only while you keep it switched on.',
    human: 'Switch it off on the Licenses page; write to support about a renewal you did not want.',
  },
  {
    id: 'privacy-deadlines',
    what: 'Privacy requests are dated: one month to answer, shown to you and to the data protection officer, overdue ones first.',
    why: 'The law sets the deadline; the clock never refuses or closes a request.',
    human: 'The data protection officer answers every request; you can complain to the supervisory authority.',
  },
];
