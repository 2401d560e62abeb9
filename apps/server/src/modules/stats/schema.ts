import { bigserial, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../../platform/datamap/annotate.ts';

/**
 * Raw page-view and API-use events (STAT-1). No IP address and no account id: only a pseudonym
 * that is a keyed hash under a key that changes every UTC day. Held until the hour is
 * aggregated into stats_hourly, then deleted in the same transaction.
 */
export const statsEvent = pgTable(
  'stats_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: notPersonal(text('kind', { enum: ['page-view', 'api-use'] }).notNull(), 'page view or API use'),
    path: notPersonal(text('path').notNull(), 'a path of Steward’s own site, without query string or fragment'),
    referrerHost: notPersonal(text('referrer_host'), 'host name of the referring site, without path or query'),
    pseudonym: personal(text('pseudonym').notNull(), {
      category: 'technical',
      purpose: 'Count distinct visitors per hour without knowing who they are',
      basis: 'legitimate-interest',
      retention: 'statistics-aggregated',
      exported: false,
      erase: 'delete',
    }),
    // Rounded down to the minute.
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stats_event_occurred_at_idx').on(t.occurredAt)],
);

/** Counts per hour, kind and path: what the dashboard charts. Holds nothing about anyone. */
export const statsHourly = pgTable(
  'stats_hourly',
  {
    hour: notPersonal(timestamp('hour', { withTimezone: true }).notNull(), 'start of the hour counted'),
    kind: notPersonal(text('kind', { enum: ['page-view', 'api-use'] }).notNull(), 'page view or API use'),
    path: notPersonal(text('path').notNull(), 'a path of Steward’s own site'),
    views: notPersonal(integer('views').notNull(), 'number of events'),
    visitors: notPersonal(integer('visitors').notNull(), 'number of distinct pseudonyms in the hour'),
  },
  (t) => [primaryKey({ columns: [t.hour, t.kind, t.path] })],
);
