import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../datamap/annotate.ts';

const outboxData = {
  basis: 'contract',
  retention: 'outbox-30-days',
  exported: true,
  erase: 'delete',
} as const;

/** Mail and SMS when no SMTP server or SMS gateway is set up; staff read it in the console. */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: notPersonal(text('channel', { enum: ['email', 'sms'] }).notNull(), 'Email or SMS'),
    recipient: personal(text('recipient').notNull(), { ...outboxData, category: 'contact', purpose: 'Deliver service messages' }),
    subject: personal(text('subject').notNull(), { ...outboxData, category: 'communication', purpose: 'Deliver service messages' }),
    body: personal(text('body').notNull(), { ...outboxData, category: 'communication', purpose: 'Deliver service messages', secret: true }),
    subjectUserId: text('subject_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_message_created_at_idx').on(t.createdAt), index('outbox_message_subject_user_id_idx').on(t.subjectUserId)],
);
