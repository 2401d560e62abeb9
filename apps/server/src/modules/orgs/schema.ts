import { boolean, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../../platform/datamap/annotate.ts';
import { users } from '../accounts/schema.ts';

/*
 * Better Auth's organization plugin keeps companies in these tables. The JS keys are the
 * plugin's field names (country, language, domain and blockedAt are our additional fields);
 * the SQL names are ours.
 */

const tz = { withTimezone: true } as const;

export const company = pgTable('company', {
  id: text('id').primaryKey(),
  name: notPersonal(text('name').notNull(), 'The registered name of a company, a legal person'),
  slug: notPersonal(text('slug').notNull().unique(), 'A random handle the plugin requires'),
  logo: notPersonal(text('logo'), 'The company’s logo'),
  metadata: notPersonal(text('metadata'), 'Settings the plugin may keep about the company'),
  country: notPersonal(text('country'), 'Country the company is registered in'),
  language: notPersonal(text('language'), 'Language of the company’s messages'),
  domain: notPersonal(text('domain').unique(), 'Email domain an administrator verified; colleagues on it may join'),
  supportRequestsShared: notPersonal(
    boolean('support_requests_shared').notNull().default(false),
    'Whether the administrator lets colleagues see each other’s support requests (SUP-4)',
  ),
  blockedAt: timestamp('blocked_at', tz),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});

export const companyMember = pgTable(
  'company_member',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => company.id, { onDelete: 'cascade' }),
    // One company per person: a person works for one employer here, and every company route then
    // knows which company the caller means without a company id a colleague could swap.
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: personal(text('role').notNull().default('member'), {
      category: 'identity',
      purpose: 'Which company the person belongs to and what they may do in its account',
      basis: 'contract',
      retention: 'account-deleted-1-month',
      exported: true,
      erase: 'delete',
    }),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('company_member_user_id_idx').on(t.userId), index('company_member_organization_id_idx').on(t.organizationId)],
);

export const companyInvitation = pgTable(
  'company_invitation',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => company.id, { onDelete: 'cascade' }),
    email: personal(text('email').notNull(), {
      category: 'contact',
      purpose: 'Send a colleague the invitation an administrator wrote, and let only that address accept it',
      basis: 'legitimate-interest',
      retention: 'company-invitation-expired',
      exported: false,
      erase: 'delete',
    }),
    role: notPersonal(text('role'), 'Role the invitation offers'),
    status: notPersonal(text('status').notNull().default('pending'), 'Pending, accepted or canceled'),
    expiresAt: timestamp('expires_at', tz).notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    inviterId: text('inviter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('company_invitation_organization_id_idx').on(t.organizationId),
    index('company_invitation_email_idx').on(t.email),
    index('company_invitation_expires_at_idx').on(t.expiresAt),
  ],
);

const notice = {
  basis: 'contract',
  retention: 'company-notice-90-days',
  exported: true,
  erase: 'delete',
} as const;

/** ORG-2: who joined, for the administrators to read in the company account. */
export const companyNotice = pgTable(
  'company_notice',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => company.id, { onDelete: 'cascade' }),
    kind: notPersonal(text('kind').notNull(), 'What happened, e.g. member-joined'),
    // The person the notice is about, so erasing their account erases the notice too.
    subjectUserId: text('subject_user_id').notNull(),
    name: personal(text('name').notNull(), { ...notice, category: 'identity', purpose: 'Tell the administrators who joined the company (ORG-2)' }),
    email: personal(text('email').notNull(), { ...notice, category: 'contact', purpose: 'Tell the administrators who joined the company (ORG-2)' }),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (t) => [index('company_notice_organization_id_idx').on(t.organizationId, t.createdAt), index('company_notice_created_at_idx').on(t.createdAt)],
);

/** Better Auth finds the plugin's tables by these names. */
export const companyAuthSchema = {
  organization: company,
  member: companyMember,
  invitation: companyInvitation,
};
