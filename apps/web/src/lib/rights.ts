/** Shapes and words of the rights centre (apps/server/src/modules/privacy/rights/views.ts). */

export interface PrivacyRequest {
  id: string;
  kind: string;
  status: string;
  openedAt: string;
  verifiedAt: string | null;
  dueAt: string;
  extendedUntil: string | null;
  extensionReason: string | null;
  closedAt: string | null;
  refusalGround: string | null;
  refusalReason: string | null;
  details: unknown;
  deadline: string;
  daysLeft: number;
}

export interface QueueItem extends PrivacyRequest {
  userId: string;
  urgency: 'overdue' | 'due-soon' | 'later' | string;
}

export interface ExportStatus {
  requestId: string;
  status: 'queued' | 'running' | 'ready' | 'failed' | string;
  progress: number;
  step: string;
  readyAt: string | null;
  expiresAt: string | null;
  downloadedAt: string | null;
  downloadable: boolean;
}

export interface ErasedTable {
  table: string;
  how: string;
  columns?: string[];
  rows: number;
}

export interface KeptTable {
  table: string;
  columns?: string[];
  reason: string;
  retention?: string;
  until: string | null;
}

export interface ErasureReport {
  requestId: string;
  erasedAt: string;
  erased: ErasedTable[];
  kept: KeptTable[];
}

export const OPEN_STATUSES = ['open', 'verified', 'in-progress'];

export const KIND_LABELS: Record<string, string> = {
  access: 'Copy of my data',
  portability: 'Data to take elsewhere',
  rectification: 'Correction',
  erasure: 'Erasure',
  restriction: 'Restriction',
  objection: 'Objection',
  withdrawal: 'Withdrawal of consents',
};

export const STATUS_LABELS: Record<string, string> = {
  open: 'Open',
  verified: 'Received',
  'in-progress': 'In progress',
  done: 'Done',
  refused: 'Refused',
};

export const GROUND_LABELS: Record<string, string> = {
  'manifestly-unfounded': 'Manifestly unfounded',
  repetitive: 'Repetitive',
};

export const ERASE_HOW_LABELS: Record<string, string> = {
  delete: 'Deleted',
  anonymise: 'Anonymised',
  'crypto-shred': 'Made unreadable',
};

const TABLE_LABELS: Record<string, string> = {
  users: 'Your account',
  accounts: 'Sign-in methods',
  sessions: 'Sign-in sessions',
  verifications: 'Verification codes',
  two_factors: 'Two-step sign-in',
  passkeys: 'Passkeys',
  consent_ledger: 'Consent records',
  outbox_message: 'Messages to you',
  mail_open: 'Email opens',
  audit_log: 'Audit log',
  blob: 'Stored files',
  subject_key: 'Encryption keys',
  privacy_request: 'Privacy requests',
  privacy_export: 'Exports',
  processing_restriction: 'Restriction of processing',
  disclosure: 'Disclosures to authorities',
  sign_in_throttle: 'Failed sign-in attempts',
  stats_event: 'Usage statistics',
};

const COLUMN_LABELS: Record<string, string> = {
  'users.name': 'Your name',
  'users.email': 'Your email address',
  'users.phone_number': 'Your phone number',
  'users.image': 'Your picture',
  'users.language': 'Your language',
  'users.country': 'Your country',
  'users.ban_reason': 'Why your account was blocked',
  'sessions.ip_address': 'Sign-in sessions: IP address',
  'sessions.user_agent': 'Sign-in sessions: device and browser',
  'sessions.impersonated_by': 'Sign-in sessions: staff member acting for you',
  'passkeys.name': 'Names of your passkeys',
  'consent_ledger.granted': 'Your consent choices',
  'consent_ledger.visitor_id': 'Cookie choices: browser id',
  'outbox_message.recipient': 'Messages to you: address',
  'outbox_message.subject': 'Messages to you: subject',
  'mail_open.opened_at': 'When you opened our emails',
  'blob.file_name': 'Stored files: file name',
  'privacy_request.details': 'Privacy requests: what you asked',
  'processing_restriction.restricted_at': 'Restriction of processing: since when',
};

function humanise(name: string): string {
  const words = name.replaceAll(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? humanise(table);
}

/** "user.phone_number" → "Your phone number"; others → "Sessions: user agent". */
export function fieldLabel(field: string): string {
  if (COLUMN_LABELS[field]) return COLUMN_LABELS[field];
  const dot = field.indexOf('.');
  if (dot < 0) return humanise(field);
  return `${tableLabel(field.slice(0, dot))}: ${humanise(field.slice(dot + 1)).toLowerCase()}`;
}

const PURPOSE_LABELS: Record<string, string> = {
  news: 'News and offers',
  surveys: 'Surveys',
  'cookie:first-party-analytics': 'Cookies: our own statistics',
  'cookie:third-party-advertising': 'Cookies: advertising',
};

/** A consent purpose as people read it: "cookie:social-media" → "Cookies: social media". */
export function purposeLabel(purpose: string): string {
  if (PURPOSE_LABELS[purpose]) return PURPOSE_LABELS[purpose];
  if (purpose.startsWith('cookie:')) return `Cookies: ${humanise(purpose.slice(7)).toLowerCase()}`;
  return humanise(purpose);
}

export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? humanise(kind);
export const statusLabel = (status: string) => STATUS_LABELS[status] ?? humanise(status);

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The correction a rectification request asks for, if its details hold one. */
export function correctionOf(details: unknown): { field: string; text: string } | null {
  if (!details || typeof details !== 'object') return null;
  const d = details as { field?: unknown; text?: unknown };
  return typeof d.field === 'string' && typeof d.text === 'string' ? { field: d.field, text: d.text } : null;
}

/** The same day n calendar months later, as the server counts (calendar.ts). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
