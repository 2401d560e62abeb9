import { bigserial, boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../../platform/datamap/annotate.ts';

/**
 * The consent ledger: append-only. The current state of a purpose is the latest row for it;
 * the rows themselves are the proof of what the person agreed to and when.
 */
export const consentLedger = pgTable(
  'consent_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id'),
    visitorId: personal(text('visitor_id'), {
      category: 'technical',
      purpose: 'Remember a signed-out visitor’s cookie choice',
      basis: 'legal-obligation',
      retention: 'consent-proof-3-years',
      exported: true,
      erase: 'delete',
    }),
    purpose: notPersonal(text('purpose').notNull(), 'Name of the processing purpose'),
    granted: personal(boolean('granted').notNull(), {
      category: 'consent',
      purpose: 'Prove what the person agreed to or withdrew',
      basis: 'legal-obligation',
      retention: 'consent-proof-3-years',
      exported: true,
      erase: 'delete',
    }),
    noticeVersion: notPersonal(text('notice_version').notNull(), 'Version of the notice the person saw'),
    source: notPersonal(text('source').notNull(), 'Where the choice was made (account page, banner, API)'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_ledger_user_idx').on(t.userId, t.purpose, t.id), index('consent_ledger_visitor_idx').on(t.visitorId, t.purpose, t.id)],
);

/** Every published version of the generated privacy policy; consents name the hash they were given under. */
export const policyVersion = pgTable(
  'policy_version',
  {
    hash: notPersonal(text('hash').primaryKey(), 'sha256 of the canonical policy document'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    document: notPersonal(jsonb('document').$type<Record<string, unknown>>().notNull(), 'The public policy text, generated from the data map'),
  },
  (t) => [index('policy_version_published_idx').on(t.publishedAt)],
);

/** One row per opened service email, written only for recipients who consented to analytics (COOK-4). */
export const mailOpen = pgTable(
  'mail_open',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull(),
    messageId: text('message_id').notNull(),
    openedAt: personal(timestamp('opened_at', { withTimezone: true }).notNull(), {
      category: 'technical',
      purpose: 'Count how many service emails are opened, only with analytics consent',
      basis: 'consent',
      retention: 'mail-open-90-days',
      exported: true,
      erase: 'delete',
    }),
  },
  (t) => [index('mail_open_user_idx').on(t.userId), index('mail_open_opened_at_idx').on(t.openedAt)],
);
