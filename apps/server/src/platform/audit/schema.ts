import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../datamap/annotate.ts';

// Staff write the reason freely and details may quote what they saw, so both can name the
// subject; they are kept as long as the law asks for the log, and anonymised, not deleted,
// so the chain of hashes still has every row.
const auditData = {
  category: 'security',
  purpose: 'Account for every staff access to personal data',
  basis: 'legal-obligation',
  retention: 'audit-6-years',
  exported: true,
  erase: 'anonymise',
} as const;

/** Append-only (see append-only.sql) and hash-chained: each row's hash covers the previous row's. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: notPersonal(bigserial('seq', { mode: 'number' }).primaryKey(), 'position in the chain'),
    at: notPersonal(timestamp('at', { withTimezone: true }).notNull(), 'when the access happened'),
    actorId: text('actor_id').notNull(),
    action: notPersonal(text('action').notNull(), 'a fixed action code chosen by the code, not by a person'),
    subjectUserId: text('subject_user_id'),
    reason: personal(text('reason').notNull(), auditData),
    details: personal(jsonb('details').$type<Record<string, unknown>>(), auditData),
    prevHash: notPersonal(text('prev_hash').notNull(), 'hash of the previous entry'),
    hash: notPersonal(text('hash').notNull(), 'hash of this entry and the previous hash'),
  },
  (t) => [index('audit_log_subject_user_id_idx').on(t.subjectUserId, t.seq), index('audit_log_actor_id_idx').on(t.actorId, t.seq)],
);
