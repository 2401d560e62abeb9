import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../../platform/datamap/annotate.ts';
import { users } from '../accounts/schema.ts';
import { company } from '../orgs/schema.ts';

const tz = { withTimezone: true } as const;

export const WORKSPACE_ROLES = ['owner', 'admin', 'operator', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/**
 * A company's cloud workspace (WS-1), paid for by one of the company's licenses. Deleting it
 * deletes the row, so members, tokens and warnings go by cascade and its devices with it (WS-3).
 */
export const workspace = pgTable(
  'workspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: text('company_id')
      .notNull()
      .references(() => company.id, { onDelete: 'cascade' }),
    name: notPersonal(text('name').notNull(), 'The name the company gave the workspace'),
    licenseId: notPersonal(uuid('license_id').notNull(), 'the company license that pays for the workspace'),
    // Who created it, for the administrators; the workspace outlives them, so only the link goes.
    // Only an account id, which that account's own export already holds; the account purge nulls it by the foreign key.
    createdBy: personal(
      text('created_by').references(() => users.id, { onDelete: 'set null' }),
      {
        category: 'identity',
        purpose: 'Show the company who created the workspace',
        basis: 'contract',
        retention: 'workspace-license-expired',
        exported: false,
        erase: 'delete',
      },
    ),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [index('workspace_company_idx').on(t.companyId), index('workspace_license_idx').on(t.licenseId)],
);

/** A person's access rights in one workspace (WS-1); company membership alone gives none. */
export const workspaceMember = pgTable(
  'workspace_member',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: personal(text('role', { enum: WORKSPACE_ROLES }).notNull(), {
      category: 'identity',
      purpose: 'What the person may do in the company’s workspace (WS-1)',
      basis: 'contract',
      retention: 'account-deleted-1-month',
      exported: true,
      erase: 'delete',
    }),
    createdAt: timestamp('created_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('workspace_member_user_idx').on(t.userId)],
);

/** A token an operator puts on the company's machines so they join the workspace; stored only hashed. */
export const workspaceEnrollmentToken = pgTable(
  'workspace_enrollment_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    tokenHash: notPersonal(text('token_hash').notNull(), 'sha256 of the enrollment token; the token itself is never stored'),
    // Only an account id, which that account's own export already holds; the account purge nulls it by the foreign key.
    createdBy: personal(
      text('created_by').references(() => users.id, { onDelete: 'set null' }),
      {
        category: 'identity',
        purpose: 'Show who rolled out the enrollment token',
        basis: 'contract',
        retention: 'workspace-license-expired',
        exported: false,
        erase: 'delete',
      },
    ),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [uniqueIndex('workspace_enrollment_token_hash_idx').on(t.tokenHash), index('workspace_enrollment_token_workspace_idx').on(t.workspaceId)],
);

/** Deletion warnings sent (WS-3), one per workspace, license term and window, so a rerun sends none twice. */
export const workspaceDeletionWarning = pgTable(
  'workspace_deletion_warning',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    licenseExpiresAt: timestamp('license_expires_at', tz).notNull(),
    daysBefore: notPersonal(integer('days_before').notNull(), 'which warning: days before the deletion'),
    sentAt: timestamp('sent_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.licenseExpiresAt, t.daysBefore] })],
);
