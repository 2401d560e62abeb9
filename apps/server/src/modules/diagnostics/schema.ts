import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const REPORT_SOURCES = ['upload', 'steward-diag'] as const;
export const REPORT_STATUSES = ['parsed', 'unreadable'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A finding's code and severity only: what it says about the computer stays in the encrypted parse. */
export interface FindingSummary {
  code: string;
  severity: 'info' | 'warning' | 'critical';
}

// An uploaded report lives 90 days at most (GSI-4); its content is an encrypted blob of the uploader.
const reportData = (category: PersonalData['category'], purpose: string): PersonalData => ({
  category,
  purpose,
  basis: 'contract',
  retention: 'uploaded-reports-90-days',
  exported: true,
  erase: 'delete',
});

/**
 * A system report or steward-diag bundle a customer uploaded (GSI-1). The file and its parse
 * (sections and findings, GSI-2) are blobs encrypted under the uploader's key; this row holds
 * what lists and routes it, and the proof of the uploader's confirmation (GSI-3) or consent (DIAG-4).
 */
export const diagReport = pgTable(
  'diag_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    /** The support request the report was sent for; only its handlers may read it (DIAG-5). */
    requestId: uuid('request_id'),
    source: notPersonal(text('source', { enum: REPORT_SOURCES }).notNull(), 'uploaded in the web or sent by steward-diag'),
    status: notPersonal(text('status', { enum: REPORT_STATUSES }).notNull(), 'whether the parser could read it'),
    fileBlobId: uuid('file_blob_id').notNull(),
    parsedBlobId: uuid('parsed_blob_id'),
    size: notPersonal(bigint('size', { mode: 'number' }).notNull(), 'a byte count'),
    sha256: personal(text('sha256').notNull(), reportData('technical', 'Prove which bundle the uploader consented to send (DIAG-4)')),
    findings: notPersonal(jsonb('findings').$type<FindingSummary[]>().notNull(), 'codes and severities of the findings, without their details'),
    problem: notPersonal(text('problem'), 'why the parser could not read the report'),
    confirmation: personal(
      text('confirmation').notNull(),
      reportData('consent', 'Prove the uploader confirmed the report is theirs and holds nothing confidential (GSI-3), or consented to send it (DIAG-4)'),
    ),
    confirmedAt: timestamp('confirmed_at', tz).notNull(),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [index('diag_report_user_idx').on(t.userId), index('diag_report_request_idx').on(t.requestId), index('diag_report_expires_idx').on(t.expiresAt)],
);

/**
 * A token a request page shows so `steward-diag send` can upload to that request (DIAG-4).
 * Stored only hashed; it expires and works for one request.
 */
export const diagUploadToken = pgTable(
  'diag_upload_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    requestId: uuid('request_id').notNull(),
    tokenHash: notPersonal(text('token_hash').notNull(), 'sha256 of the upload token'),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [uniqueIndex('diag_upload_token_hash_idx').on(t.tokenHash), index('diag_upload_token_user_idx').on(t.userId)],
);
