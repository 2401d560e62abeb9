import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../../platform/datamap/annotate.ts';
import { users } from '../accounts/schema.ts';
import { company } from '../orgs/schema.ts';

const tz = { withTimezone: true } as const;

export const SUPPORT_LEVELS = ['standard', 'priority', 'premium'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** A support contract a company bought (ORG-5). */
export const supportContract = pgTable(
  'support_contract',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: text('company_id')
      .notNull()
      .references(() => company.id, { onDelete: 'cascade' }),
    product: notPersonal(text('product').notNull(), 'The product the contract covers'),
    level: notPersonal(text('level', { enum: SUPPORT_LEVELS }).notNull(), 'The support level bought'),
    startsAt: timestamp('starts_at', tz).notNull(),
    endsAt: timestamp('ends_at', tz).notNull(),
    // Only an account id, which that account's own export already holds; the account purge nulls it by the foreign key.
    boughtBy: personal(
      text('bought_by').references(() => users.id, { onDelete: 'set null' }),
      {
        category: 'identity',
        purpose: 'Show the authorised employees who bought the contract',
        basis: 'contract',
        retention: 'account-deleted-1-month',
        exported: false,
        erase: 'delete',
      },
    ),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [index('support_contract_company_idx').on(t.companyId), index('support_contract_ends_idx').on(t.endsAt)],
);

/** The employees named as authorised when the contract was bought: the only ones who see it (ORG-5). */
export const supportContractPerson = pgTable(
  'support_contract_person',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => supportContract.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authorisedAt: personal(timestamp('authorised_at', tz).notNull(), {
      category: 'identity',
      purpose: 'Let the person see the support contract and remind them before it ends (ORG-5)',
      basis: 'contract',
      retention: 'account-deleted-1-month',
      exported: true,
      erase: 'delete',
    }),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId] }), index('support_contract_person_user_idx').on(t.userId)],
);

/** Expiry reminders sent, one per contract, person, term end and window, so a rerun sends none twice. */
export const supportContractReminder = pgTable(
  'support_contract_reminder',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => supportContract.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endsAt: timestamp('ends_at', tz).notNull(),
    daysBefore: notPersonal(integer('days_before').notNull(), 'which reminder: 30 or 7 days before the end'),
    sentAt: timestamp('sent_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.userId, t.endsAt, t.daysBefore] })],
);
