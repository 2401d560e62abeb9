import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';
import { users } from '../accounts/schema.ts';
import { license } from '../licenses/schema.ts';
import { company } from '../orgs/schema.ts';

const tz = { withTimezone: true } as const;

export const CONNECTION_KINDS = ['mailbox', 'file-store'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];
export const CONNECTION_STATUSES = ['active', 'paused', 'reconnect-needed'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export const THREAT_ACTIONS = ['quarantine', 'tag', 'report'] as const;
export const NOTICE_KINDS = ['outage', 'update'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type ThreatAction = (typeof THREAT_ACTIONS)[number];

/** MAIL-4: everything of the service hangs off its license, whose record goes six months after it ended; the foreign keys take these rows with it. */
const LICENSE_RETENTION = 'license-expired-6-months';
export const SCAN_RECORDS_RETENTION = 'mail-scan-records-90-days';

function connectionData(category: PersonalData['category'], purpose: string, extra: Partial<PersonalData> = {}): PersonalData {
  return { category, purpose, basis: 'contract', retention: LICENSE_RETENTION, exported: true, erase: 'delete', ...extra };
}

function scanRecord(purpose: string): PersonalData {
  return { category: 'technical', purpose, basis: 'contract', retention: SCAN_RECORDS_RETENTION, exported: true, erase: 'delete' };
}

/**
 * A mailbox or file store connected through its provider's OAuth 2.0 consent (MAIL-1). `user_id` is the license's owner
 * for a personal license (so the person's export and erasure find it) and null for a company's, which outlives any admin.
 */
export const mailConnection = pgTable(
  'mail_connection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => license.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    companyId: text('company_id').references(() => company.id, { onDelete: 'cascade' }),
    // The company's account's own export holds who they are; the account purge nulls this by the foreign key.
    connectedBy: personal(
      text('connected_by').references(() => users.id, { onDelete: 'set null' }),
      connectionData('identity', 'Show who connected the mailbox or file store', { exported: false }),
    ),
    kind: notPersonal(text('kind', { enum: CONNECTION_KINDS }).notNull(), 'mailbox or file store'),
    provider: notPersonal(text('provider').notNull(), 'which mail or storage service the connection is with'),
    address: personal(text('address').notNull(), connectionData('contact', 'Name the protected mailbox or file store, as its provider knows it')),
    refreshToken: personal(
      text('refresh_token_sealed').notNull(),
      connectionData('credential', 'Let the scanner reach the mailbox with the access you granted; sealed with a key of its own', {
        exported: false,
        secret: true,
      }),
    ),
    scope: notPersonal(text('scope').notNull(), 'the permissions the provider granted'),
    status: notPersonal(text('status', { enum: CONNECTION_STATUSES }).notNull(), 'whether the scanner may use the connection'),
    scanAttachments: notPersonal(boolean('scan_attachments').notNull().default(true), 'protection setting'),
    scanLinks: notPersonal(boolean('scan_links').notNull().default(true), 'protection setting'),
    action: notPersonal(text('action', { enum: THREAT_ACTIONS }).notNull().default('quarantine'), 'what the scanner does with a threat'),
    cursor: notPersonal(text('cursor'), "the provider's opaque position in the mailbox, so each item is scanned once"),
    connectedAt: timestamp('connected_at', tz).notNull(),
    lastScanAt: timestamp('last_scan_at', tz),
    updatedAt: timestamp('updated_at', tz).notNull(),
  },
  (t) => [
    uniqueIndex('mail_connection_address_idx').on(t.licenseId, t.provider, sql`lower(${t.address})`),
    index('mail_connection_user_idx').on(t.userId),
    index('mail_connection_company_idx').on(t.companyId),
  ],
);

/** An OAuth 2.0 authorization under way: the state's hash and the sealed PKCE verifier, for ten minutes. */
export const mailAuthorization = pgTable(
  'mail_authorization',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateHash: notPersonal(text('state_hash').notNull().unique(), 'sha256 of the OAuth state sent to the provider'),
    verifier: notPersonal(text('verifier_sealed').notNull(), 'the PKCE code verifier, sealed; a random value'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => license.id, { onDelete: 'cascade' }),
    kind: notPersonal(text('kind', { enum: CONNECTION_KINDS }).notNull(), 'mailbox or file store'),
    provider: notPersonal(text('provider').notNull(), 'which service is asked for consent'),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [index('mail_authorization_expires_idx').on(t.expiresAt)],
);

/** What the scanner found (MAIL-2): never the message or file, only the provider's reference to it, the verdict and what was done. */
export const mailThreat = pgTable(
  'mail_threat',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => mailConnection.id, { onDelete: 'cascade' }),
    // The connection's owner, so the owner's export holds what was found in their mailbox.
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    itemRef: personal(text('item_ref').notNull(), scanRecord("The provider's id of the message or file that held a threat, so you can find it")),
    verdict: notPersonal(text('verdict').notNull(), 'the name of the threat found'),
    actionTaken: notPersonal(text('action_taken', { enum: THREAT_ACTIONS }).notNull(), 'what the scanner did'),
    detectedAt: timestamp('detected_at', tz).notNull(),
  },
  (t) => [index('mail_threat_connection_idx').on(t.connectionId, t.detectedAt), index('mail_threat_detected_idx').on(t.detectedAt)],
);

/** Items scanned and threats found per connection and UTC day, for the customer's overview. */
export const mailScanDay = pgTable(
  'mail_scan_day',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => mailConnection.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    day: notPersonal(date('day', { mode: 'string' }).notNull(), 'the UTC day counted'),
    scanned: personal(integer('scanned').notNull(), scanRecord('Show how many messages and files were scanned that day')),
    threats: personal(integer('threats').notNull(), scanRecord('Show how many threats were found that day')),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.day] }), index('mail_scan_day_day_idx').on(t.day)],
);

/** Service notices staff sent about the mail protection service (MAIL-3): outages and updates. */
export const mailNotice = pgTable('mail_notice', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: notPersonal(text('kind', { enum: NOTICE_KINDS }).notNull(), 'outage or update'),
  subject: notPersonal(text('subject').notNull(), 'the notice staff wrote for every customer'),
  body: notPersonal(text('body').notNull(), 'the notice staff wrote for every customer'),
  staffUserId: text('staff_user_id').notNull(),
  recipients: notPersonal(integer('recipients').notNull(), 'how many people it was sent to'),
  createdAt: timestamp('created_at', tz).notNull(),
});

/** Who a notice was sent to, claimed before each mail, so a delivery cut short resumes without mailing anyone twice. */
export const mailNoticeDelivery = pgTable(
  'mail_notice_delivery',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => mailNotice.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] }), index('mail_notice_delivery_user_idx').on(t.userId)],
);

/** A trial-ending notice sent for a license and its end, so a rerun of the daily job sends none twice. */
export const mailTrialNotice = pgTable(
  'mail_trial_notice',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => license.id, { onDelete: 'cascade' }),
    endsAt: timestamp('ends_at', tz).notNull(),
    sentAt: timestamp('sent_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.endsAt] })],
);
