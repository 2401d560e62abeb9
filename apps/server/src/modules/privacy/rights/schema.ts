import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const REQUEST_KINDS = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdrawal'] as const;
export const REQUEST_STATUSES = ['open', 'verified', 'in-progress', 'done', 'refused'] as const;
export const REFUSAL_GROUNDS = ['manifestly-unfounded', 'repetitive'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

// How a request was handled is proof the law asks for (RIGHT-4, RIGHT-5), so it outlives the
// account; what staff or the person wrote may still name them, so erasure would blank it.
const requestRecord = (purpose: string): PersonalData => ({
  category: 'support',
  purpose,
  basis: 'legal-obligation',
  retention: 'audit-6-years',
  exported: true,
  erase: 'anonymise',
});

/** Every data-subject request, self-service or handled by staff. There is no fee: requests are free (RIGHT-5). */
export const privacyRequest = pgTable(
  'privacy_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // No foreign key: the record of an erasure must survive the account it erased.
    userId: text('user_id').notNull(),
    kind: notPersonal(text('kind', { enum: REQUEST_KINDS }).notNull(), 'which right the request uses'),
    status: notPersonal(text('status', { enum: REQUEST_STATUSES }).notNull(), 'where the request stands'),
    openedAt: timestamp('opened_at', tz).notNull(),
    verifiedAt: timestamp('verified_at', tz),
    dueAt: timestamp('due_at', tz).notNull(),
    extendedUntil: timestamp('extended_until', tz),
    extensionReason: personal(text('extension_reason'), requestRecord('Tell the requester why the answer takes longer')),
    closedAt: timestamp('closed_at', tz),
    refusalGround: notPersonal(text('refusal_ground', { enum: REFUSAL_GROUNDS }), 'the legal ground of a refusal'),
    refusalReason: personal(text('refusal_reason'), requestRecord('Record why a request was refused')),
    details: personal(jsonb('details').$type<Record<string, unknown>>(), requestRecord('What the person asked for, e.g. the text of a correction')),
  },
  (t) => [index('privacy_request_user_idx').on(t.userId, t.openedAt), index('privacy_request_due_idx').on(t.status, t.dueAt)],
);

/** State of one export job, so a crashed run goes on from its last finished step. */
export const privacyExport = pgTable('privacy_export', {
  requestId: uuid('request_id').primaryKey(),
  userId: text('user_id').notNull(),
  status: notPersonal(text('status', { enum: ['queued', 'running', 'ready', 'failed'] }).notNull(), 'where the export job stands'),
  progress: notPersonal(integer('progress').notNull().default(0), 'percent done'),
  step: notPersonal(text('step').notNull(), 'a fixed description of the current step'),
  parts: notPersonal(jsonb('parts').$type<Record<string, string>>().notNull().default({}), 'ids of encrypted blobs staged by finished steps'),
  blobId: uuid('blob_id'),
  readyAt: timestamp('ready_at', tz),
  expiresAt: timestamp('expires_at', tz),
  downloadedAt: timestamp('downloaded_at', tz),
  notifiedAt: timestamp('notified_at', tz),
  updatedAt: timestamp('updated_at', tz).notNull(),
});

/** What an erasure did, readable by its link for 30 days. Names tables and dates, never the person. */
export const erasureReport = pgTable('erasure_report', {
  requestId: uuid('request_id').primaryKey(),
  tokenHash: notPersonal(text('token_hash').notNull(), 'sha256 of the random token in the mailed link'),
  report: notPersonal(jsonb('report').$type<Record<string, unknown>>().notNull(), 'table names, erase strategies and retention dates only'),
  createdAt: timestamp('created_at', tz).notNull(),
  expiresAt: timestamp('expires_at', tz).notNull(),
});

/** A row means processing is restricted (RIGHT-6): the data is stored, and used for nothing else. */
export const processingRestriction = pgTable('processing_restriction', {
  userId: text('user_id').primaryKey(),
  restrictedAt: personal(timestamp('restricted_at', tz).notNull(), {
    category: 'preference',
    purpose: 'Honour the person’s restriction of processing',
    basis: 'legal-obligation',
    retention: 'account-deleted-1-month',
    exported: true,
    erase: 'delete',
  }),
});

const disclosureRecord = (purpose: string): PersonalData => ({
  category: 'security',
  purpose,
  basis: 'legal-obligation',
  retention: 'audit-6-years',
  exported: true,
  erase: 'anonymise',
});

/** The register of disclosures to third parties the law required (PRIN-4). */
export const disclosure = pgTable(
  'disclosure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    recipient: personal(text('recipient').notNull(), disclosureRecord('Name the authority the person’s data was disclosed to')),
    legalBasis: personal(text('legal_basis').notNull(), disclosureRecord('The law that required the disclosure')),
    categories: personal(jsonb('categories').$type<string[]>().notNull(), disclosureRecord('Which kinds of the person’s data were disclosed')),
    disclosedAt: personal(timestamp('disclosed_at', tz).notNull(), disclosureRecord('When the data was disclosed')),
    recordedBy: notPersonal(text('recorded_by').notNull(), 'id of the staff member who recorded it'),
    // Until then the law forbids telling the person, so their export leaves the row out.
    secretUntil: timestamp('secret_until', tz),
    recordedAt: timestamp('recorded_at', tz).notNull(),
  },
  (t) => [index('disclosure_user_idx').on(t.userId)],
);
