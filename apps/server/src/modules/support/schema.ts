import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const SUPPORT_REQUEST_STATUSES = ['new', 'open', 'waiting-on-customer', 'solved', 'closed'] as const;
export const AUTHOR_KINDS = ['customer', 'staff'] as const;
export const SURVEY_KINDS = ['request', 'yearly'] as const;
export type SupportRequestStatus = (typeof SUPPORT_REQUEST_STATUSES)[number];
export type SurveyKind = (typeof SURVEY_KINDS)[number];

// What a customer tells support is needed to help them and goes with the account (SUP-1).
const requestData = (category: PersonalData['category'], purpose: string): PersonalData => ({
  category,
  purpose,
  basis: 'contract',
  retention: 'account-deleted-1-month',
  exported: true,
  erase: 'delete',
});

/** A team of agents; requests are routed to one (SUP-3) and agents see only theirs (SUP-6). */
export const supportDepartment = pgTable('support_department', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: notPersonal(text('code').notNull().unique(), 'short code of the department'),
  name: notPersonal(text('name').notNull(), 'name of the department'),
  isDefault: notPersonal(boolean('is_default').notNull().default(false), 'where a request goes when no rule matches'),
  createdAt: timestamp('created_at', tz).notNull(),
});

/** Which staff member works in which department. */
export const supportAgent = pgTable(
  'support_agent',
  {
    userId: text('user_id').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => supportDepartment.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentId] })],
);

/**
 * A routing rule staff administrators edit (SUP-3): the first rule by position whose every
 * set condition matches the request sends it to its department.
 */
export const supportRoutingRule = pgTable('support_routing_rule', {
  id: uuid('id').primaryKey().defaultRandom(),
  position: notPersonal(integer('position').notNull(), 'order in which rules are tried'),
  departmentId: uuid('department_id')
    .notNull()
    .references(() => supportDepartment.id, { onDelete: 'cascade' }),
  licenseKind: notPersonal(text('license_kind'), 'matches requests whose license is of this kind (business, subscription, trial, perpetual)'),
  productId: notPersonal(text('product_id'), 'matches requests about this product'),
  country: notPersonal(text('country'), 'matches requests from this ISO 3166 country'),
  language: notPersonal(text('language'), 'matches requests in this interface language'),
  updatedById: text('updated_by_id').notNull(),
  updatedAt: timestamp('updated_at', tz).notNull(),
});

/**
 * A version of the data-provisioning terms a customer accepts before attaching files (SUP-2).
 * Every published text stays, so an acceptance always points at what was read.
 */
export const supportTermsVersion = pgTable('support_terms_version', {
  version: notPersonal(text('version').primaryKey(), 'sha256 of the terms text'),
  text: notPersonal(text('text').notNull(), 'the terms as published'),
  publishedAt: timestamp('published_at', tz).notNull(),
});

export const supportTermsAcceptance = pgTable(
  'support_terms_acceptance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    version: notPersonal(
      text('version')
        .notNull()
        .references(() => supportTermsVersion.version),
      'which terms were accepted',
    ),
    acceptedAt: timestamp('accepted_at', tz).notNull(),
    // The acceptance is proof the customer agreed to how their files are used (SUP-2).
    source: personal(text('source').notNull(), {
      category: 'consent',
      purpose: 'Prove the customer accepted the data-provisioning terms before attaching files (SUP-2)',
      basis: 'legal-obligation',
      retention: 'account-deleted-1-month',
      exported: true,
      erase: 'delete',
    }),
  },
  (t) => [index('support_terms_acceptance_user_idx').on(t.userId, t.version)],
);

/** A support request (SUP-1) and what routes it (SUP-3). */
export const supportRequest = pgTable(
  'support_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: notPersonal(bigserial('number', { mode: 'number' }).notNull().unique(), 'the request number customers quote'),
    userId: text('user_id').notNull(),
    companyId: text('company_id'),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => supportDepartment.id),
    assigneeId: text('assignee_id'),
    status: notPersonal(text('status', { enum: SUPPORT_REQUEST_STATUSES }).notNull(), 'where the request stands'),
    subject: personal(text('subject').notNull(), requestData('support', 'Name the problem in the request list')),
    contactEmail: personal(text('contact_email').notNull(), requestData('contact', 'Answer the request')),
    productId: notPersonal(text('product_id').notNull(), 'the product the request is about'),
    licenseId: uuid('license_id'),
    licenseNumber: personal(text('license_number'), requestData('technical', 'Identify the license in question when it is not in the account')),
    hardware: personal(text('hardware').notNull(), requestData('technical', 'Reproduce the problem on the same hardware')),
    software: personal(text('software').notNull(), requestData('technical', 'Reproduce the problem with the same software')),
    description: personal(text('description').notNull(), requestData('support', 'Understand and solve the problem')),
    country: personal(text('country'), requestData('preference', 'Route the request to the right department (SUP-3)')),
    language: personal(text('language'), requestData('preference', 'Answer in the customer’s language and route the request (SUP-3)')),
    createdAt: timestamp('created_at', tz).notNull(),
    updatedAt: timestamp('updated_at', tz).notNull(),
    closedAt: timestamp('closed_at', tz),
  },
  (t) => [
    index('support_request_user_idx').on(t.userId),
    index('support_request_queue_idx').on(t.departmentId, t.status, t.updatedAt),
    index('support_request_company_idx').on(t.companyId),
  ],
);

/** One message of a request's conversation; an internal note is never shown to the customer. */
export const supportMessage = pgTable(
  'support_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequest.id, { onDelete: 'cascade' }),
    /** The customer whose request this is, whoever wrote the message: the conversation is theirs to export and erase. */
    userId: text('user_id').notNull(),
    authorId: text('author_id').notNull(),
    authorKind: notPersonal(text('author_kind', { enum: AUTHOR_KINDS }).notNull(), 'customer or staff'),
    internal: notPersonal(boolean('internal').notNull().default(false), 'a note among staff, hidden from the customer'),
    body: personal(text('body').notNull(), requestData('communication', 'Carry the conversation about the request')),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [index('support_message_request_idx').on(t.requestId, t.createdAt), index('support_message_user_idx').on(t.userId)],
);

/** A file attached to a request; the content is an encrypted blob of the customer (SUP-2). */
export const supportAttachment = pgTable(
  'support_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequest.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    blobId: uuid('blob_id').notNull(),
    termsVersion: notPersonal(
      text('terms_version')
        .notNull()
        .references(() => supportTermsVersion.version),
      'the terms accepted before the upload (SUP-2)',
    ),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [index('support_attachment_request_idx').on(t.requestId)],
);

/** A reply text agents insert with one click; written by staff, about no one. */
export const supportCannedReply = pgTable('support_canned_reply', {
  id: uuid('id').primaryKey().defaultRandom(),
  departmentId: uuid('department_id').references(() => supportDepartment.id, { onDelete: 'cascade' }),
  title: notPersonal(text('title').notNull(), 'short name of the reply'),
  body: notPersonal(text('body').notNull(), 'a template written by staff'),
  updatedById: text('updated_by_id').notNull(),
  updatedAt: timestamp('updated_at', tz).notNull(),
});

// Survey answers are kept with the request history they rate (SUP-5).
const surveyData = (category: PersonalData['category'], purpose: string): PersonalData => ({
  category,
  purpose,
  basis: 'legitimate-interest',
  retention: 'account-deleted-1-month',
  exported: true,
  erase: 'delete',
});

/**
 * A satisfaction survey: one after each closed request, one a year for those who opted in
 * (SUP-5). The link in the mail carries a token stored only hashed.
 */
export const supportSurvey = pgTable(
  'support_survey',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: notPersonal(text('kind', { enum: SURVEY_KINDS }).notNull(), 'after a request, or yearly'),
    userId: text('user_id').notNull(),
    requestId: uuid('request_id').references(() => supportRequest.id, { onDelete: 'cascade' }),
    email: personal(text('email').notNull(), surveyData('contact', 'Send the survey and link the answer to the request history (SUP-5)')),
    tokenHash: notPersonal(text('token_hash').notNull(), 'sha256 of the survey link token'),
    rating: personal(smallint('rating'), surveyData('support', 'Measure satisfaction with support (SUP-5)')),
    comment: personal(text('comment'), surveyData('support', 'Learn what to improve in support (SUP-5)')),
    year: notPersonal(integer('year'), 'the year a yearly survey covers'),
    sentAt: timestamp('sent_at', tz).notNull(),
    answeredAt: timestamp('answered_at', tz),
  },
  (t) => [
    uniqueIndex('support_survey_token_idx').on(t.tokenHash),
    uniqueIndex('support_survey_request_idx').on(t.requestId).where(sql`kind = 'request'`),
    uniqueIndex('support_survey_yearly_idx').on(t.userId, t.year).where(sql`kind = 'yearly'`),
  ],
);
