import { createCookieGetter } from 'better-auth/cookies';
import { SESSION_SECONDS } from '../accounts/auth.ts';

/**
 * What Steward runs, in words a customer reads: the privacy policy is built from this file
 * and the data map, so a table, a processor or a cookie cannot go unmentioned.
 */

export interface Service {
  id: string;
  name: string;
  description: string;
  /** Tables whose personal-data columns this service holds; the data map says what they are. */
  tables: string[];
  /** Processors the service uses beyond those the data map names on single columns. */
  processors: string[];
}

export const SERVICES: Service[] = [
  {
    id: 'accounts',
    name: 'Accounts and sign-in',
    description:
      'Your account: the email address you sign in with, your password (kept only as a slow hash), your name, language and country if you give them, passkeys, and the sessions of the browsers where you are signed in.',
    tables: ['users', 'accounts', 'sessions', 'passkeys', 'rate_limits', 'sign_in_throttle'],
    processors: [],
  },
  {
    id: 'security-codes',
    name: 'Account security codes',
    description:
      'Codes that confirm your email address, reset your password or complete a two-step sign-in, and the authenticator secret and backup codes of two-step sign-in. Codes sent by SMS go only to the number you gave for that purpose.',
    tables: ['verifications', 'two_factors'],
    processors: ['sms-gateway'],
  },
  {
    id: 'preferences',
    name: 'Preferences, opt-ins and cookie choices',
    description:
      'What you agreed to and withdrew (news, surveys, cookies), with the time and the version of this policy you saw, so we can prove it and respect it.',
    tables: ['consent_ledger'],
    processors: [],
  },
  {
    id: 'service-messages',
    name: 'Service messages',
    description: 'Emails and text messages the service sends you (confirmations, security codes, notices), kept briefly so they can be delivered and checked.',
    tables: ['outbox_message'],
    processors: ['smtp-relay', 'sms-gateway'],
  },
  {
    id: 'mail-statistics',
    name: 'Email open statistics',
    description: 'Whether a service email was opened, recorded only if you allowed first-party analytics; without that consent emails carry no tracking pixel.',
    tables: ['mail_open'],
    processors: [],
  },
  {
    id: 'privacy-rights',
    name: 'Your privacy requests',
    description:
      'The requests you make about your data (copies, corrections, erasure, restriction, objections), with their deadlines and answers; a restriction you set; and any disclosure the law required, so you can see it unless the law forbids it for a time.',
    tables: ['privacy_request', 'privacy_export', 'erasure_report', 'processing_restriction', 'disclosure'],
    processors: [],
  },
  {
    id: 'statistics',
    name: 'Visit statistics',
    description:
      'Counts of page views, only if you allowed first-party analytics: each view is stored under a pseudonym that changes every day, never with your address or account, and deleted once its hour is counted.',
    tables: ['stats_event', 'stats_hourly'],
    processors: [],
  },
  {
    id: 'audit',
    name: 'Audit log of staff access',
    description: 'Every time a staff member looks at personal data, who did it, whose data and why. The log cannot be changed after it is written.',
    tables: ['audit_log'],
    processors: [],
  },
  {
    id: 'licenses',
    name: 'Licenses',
    description:
      'The licenses you added or bought: which product and offer, when each term starts and ends, whether you chose auto-renewal, the last group of the activation code, and which of your devices use a seat (known by a hash of the device’s fingerprint). Key files are never stored, only this record. Expiry reminders go out only if you opted in.',
    tables: ['license', 'license_activation', 'license_reminder'],
    processors: [],
  },
  {
    id: 'purchases',
    name: 'Purchases',
    description:
      'Your orders from the web store, kept as tax law requires, and a card you linked at the store: we hold only its expiry date, last four digits and the store’s reference; the card itself stays with the store. An order is placed only when you act.',
    tables: ['store_order', 'store_webhook_event', 'payment_card', 'store_checkout'],
    processors: ['web-store'],
  },
  {
    id: 'devices',
    name: 'Devices and anti-theft',
    description:
      'The devices you linked with an enrollment code: their name, platform, product version, protection status and open problems, the commands you sent (lock, alarm, wipe, fix) with the device’s answers, and the history of check-ins. Never the device’s location: a device that sends one is refused.',
    tables: ['device', 'device_enrollment', 'device_problem', 'device_command', 'device_telemetry'],
    processors: [],
  },
  {
    id: 'support',
    name: 'Support requests',
    description:
      'The requests you send support: the product, license, hardware and software, your description and the conversation that follows, the department it was routed to by your license, country and language, and files you attach after accepting the data-provisioning terms (the acceptance is kept as proof). Agents see only their own department’s requests, and each time one opens a request it is logged. After a request closes, and once a year if you opted in, a short survey: its rating and comment are kept with the request.',
    tables: ['support_request', 'support_message', 'support_attachment', 'support_terms_acceptance', 'support_survey'],
    processors: [],
  },
  {
    id: 'diagnostics',
    name: 'System reports and diagnostic bundles',
    description:
      'System reports you upload and bundles you send with steward-diag, after you confirm they are yours and hold nothing confidential, or consent to send them: the file, its hash and what the parser found, encrypted with your own key. Only you and the handlers of the support request it was sent for can read it. Deleted beyond recovery after 90 days.',
    tables: ['diag_report', 'diag_upload_token'],
    processors: [],
  },
  {
    id: 'companies',
    name: 'Company accounts',
    description:
      'If you register a company or join one, which company you belong to and your role in it (administrator or member). When you join, the company’s administrators are told your name and email address. An administrator can correct your name and language, send you a password-reset link, remove you from the company or block the company’s access; your personal account stays yours. Invitations hold the address they were sent to until they expire.',
    tables: ['company', 'company_member', 'company_invitation', 'company_notice'],
    processors: [],
  },
  {
    id: 'workspaces',
    name: 'Cloud workspaces',
    description:
      'If your company gives you a role in one of its workspaces (owner, administrator, operator or viewer), that role, and whether you created the workspace. The company’s managed devices report to the workspace, not to you. A workspace and everything in it is deleted when its owner deletes it, when support is asked to, or 30 days after its license ended, with warnings by email 14 and 3 days before.',
    tables: ['workspace', 'workspace_member', 'workspace_enrollment_token', 'workspace_deletion_warning'],
    processors: [],
  },
  {
    id: 'support-contracts',
    name: 'Support contracts',
    description:
      'If your company names you as authorised on a support contract, that you are named and since when; only the people named see the contract, and they are emailed 30 and 7 days before it ends.',
    tables: ['support_contract', 'support_contract_person', 'support_contract_reminder'],
    processors: [],
  },
  {
    id: 'community',
    name: 'Community site',
    description:
      'If you join the community: the user name everyone sees on your posts and comments, your first and last name (shown beside it only if you choose), whether you want an email when someone comments on your posts, and the posts and comments you write, which everyone can read. You sign in with your Steward account’s email and password. Deleting your community account hides all of it at once and purges it within 24 hours, with the comments others wrote on your posts; deleting your Steward account does the same for the community part.',
    tables: ['community_member', 'community_post', 'community_comment'],
    processors: [],
  },
  {
    id: 'mail-protection',
    name: 'Mail and file protection',
    description:
      'If a license of yours (or your company’s) includes mail protection: the mailboxes and file stores you connected through their provider’s own consent page, the access the provider granted (sealed, never shown), who connected them, your protection settings, and for each threat found the provider’s reference to the message or file, the verdict and what was done, with daily counts of items scanned (kept 90 days). Messages and files are scanned as they arrive and never stored. An administrator’s sign-in used for automatic setup goes to the provider once and is never saved. Service emails tell you about outages, updates and the end of a trial. Everything is deleted six months after the license ended, or when you disconnect.',
    tables: ['mail_connection', 'mail_authorization', 'mail_threat', 'mail_scan_day', 'mail_notice', 'mail_trial_notice'],
    processors: [],
  },
  {
    id: 'files',
    name: 'File storage',
    description: 'Files you give us, encrypted with a key of your own; destroying that key makes every copy unreadable, backups included.',
    tables: ['blob', 'subject_key'],
    processors: ['object-storage'],
  },
];

export interface Processor {
  id: string;
  name: string;
  purpose: string;
  data: string;
  /** Where it processes: always the deployment's declared region (PRIN-3), which the operator engages it in. */
  region: string;
  usedWhen: string;
}

/** The register of processors (PRIN-2): who else handles the data, and for what. */
export const PROCESSORS: Omit<Processor, 'region'>[] = [
  {
    id: 'sms-gateway',
    name: 'SMS gateway',
    purpose: 'Deliver sign-in security codes by text message',
    data: 'Phone number and the code',
    usedWhen: 'You asked for codes by SMS',
  },
  {
    id: 'smtp-relay',
    name: 'Email relay (SMTP)',
    purpose: 'Deliver service emails',
    data: 'Email address, subject and text of the message',
    usedWhen: 'The operator has set up an outgoing mail server',
  },
  {
    id: 'object-storage',
    name: 'Object storage',
    purpose: 'Keep encrypted files',
    data: 'Encrypted file contents only; the provider never holds the keys',
    usedWhen: 'The operator stores files in an S3-compatible service',
  },
  {
    id: 'web-store',
    name: 'Web store and payment provider',
    purpose: 'Take orders and payments, and keep linked cards',
    data: 'Your account id, what you order, and the card you give it; Steward receives only the card’s expiry, last four digits and a reference',
    usedWhen: 'You buy or renew a license',
  },
];

export const COOKIE_CATEGORIES = [
  { id: 'user-input', name: 'User input', strictlyNecessary: true, description: 'Keep what you typed while you finish a form or a sign-in step.' },
  { id: 'authentication', name: 'Authentication', strictlyNecessary: true, description: 'Keep you signed in and finish a sign-in.' },
  { id: 'security', name: 'Security', strictlyNecessary: true, description: 'Protect sign-in and your account against abuse.' },
  { id: 'preferences', name: 'Preferences', strictlyNecessary: false, description: 'Remember choices such as language or layout.' },
  { id: 'performance', name: 'Performance', strictlyNecessary: false, description: 'Measure how fast pages load so we can improve them.' },
  {
    id: 'first-party-analytics',
    name: 'First-party analytics',
    strictlyNecessary: false,
    description: 'Count visits and email opens under a random pseudonym, on our own servers.',
  },
  {
    id: 'third-party-advertising',
    name: 'Third-party advertising',
    strictlyNecessary: false,
    description: 'Let advertising partners show and measure ads.',
  },
  { id: 'social-networks', name: 'Social networks', strictlyNecessary: false, description: 'Let you share pages on social networks.' },
] as const;

export type CookieCategory = (typeof COOKIE_CATEGORIES)[number]['id'];

/** The cookie that remembers the visitor's cookie choice: it must exist before any choice can be kept. */
export const CONSENT_COOKIE = 'steward_consent';
export const CONSENT_COOKIE_SECONDS = 365 * 24 * 60 * 60;

export interface CookieDefinition {
  name: string;
  setBy: string;
  category: CookieCategory;
  purpose: string;
  /** Seconds; null for a cookie that ends when the browser closes. */
  lifetimeSeconds: number | null;
  strictlyNecessary: boolean;
}

// Lifetimes Better Auth's plugins fix in their code (two-factor: twoFactorCookieMaxAge and
// TRUST_DEVICE_COOKIE_MAX_AGE; passkey: MAX_AGE_IN_SECONDS); none are overridden in auth.ts.
const TWO_FACTOR_SECONDS = 10 * 60;
const TRUST_DEVICE_SECONDS = 30 * 24 * 60 * 60;
const PASSKEY_CHALLENGE_SECONDS = 5 * 60;

/** Every cookie the code sets, named as Better Auth names it for this base URL (`__Secure-` over HTTPS). */
export function cookiesInUse(baseUrl: string): CookieDefinition[] {
  const name = (cookie: string) => createCookieGetter({ baseURL: baseUrl })(cookie).name;
  const auth = (cookie: string, purpose: string, lifetimeSeconds: number | null, category: CookieCategory = 'authentication') => ({
    name: name(cookie),
    setBy: 'Steward sign-in (Better Auth)',
    category,
    purpose,
    lifetimeSeconds,
    strictlyNecessary: true,
  });
  return [
    auth('session_token', 'Keeps you signed in', SESSION_SECONDS),
    auth('dont_remember', 'Ends your session when the browser closes, if you did not ask to be remembered', null),
    auth('two_factor', 'Carries a sign-in to its second step', TWO_FACTOR_SECONDS),
    auth('trust_device', 'Skips the second sign-in step on a device you chose to trust', TRUST_DEVICE_SECONDS, 'security'),
    auth('better-auth-passkey', 'Binds a passkey challenge to this browser', PASSKEY_CHALLENGE_SECONDS, 'security'),
    auth('admin_session', 'Keeps a staff member’s own session while they act for a customer who asked for help', SESSION_SECONDS),
    {
      name: CONSENT_COOKIE,
      setBy: 'Steward cookie banner',
      // Remembering the choice itself is input the visitor gave, so it is needed before any choice.
      category: 'user-input',
      purpose: 'Remembers your cookie choice under a random visitor id; set only when you make a choice',
      lifetimeSeconds: CONSENT_COOKIE_SECONDS,
      strictlyNecessary: true,
    },
  ];
}
