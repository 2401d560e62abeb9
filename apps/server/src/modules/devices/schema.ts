import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const PROTECTION_STATUSES = ['protected', 'at-risk', 'unprotected', 'unknown'] as const;
/** Device functions only (ACC-3, DEV-1): the link to a device carries nothing else. */
export const COMMAND_KINDS = ['lock', 'alarm', 'wipe', 'fix'] as const;
export const COMMAND_STATUSES = ['pending', 'delivered', 'acknowledged', 'failed', 'cancelled'] as const;
export const DEVICE_TOKEN_SCOPES = ['checkin', 'commands', 'licenses'] as const;
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];
export type CommandKind = (typeof COMMAND_KINDS)[number];
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

// What a device reports runs the device functions the owner sees (DEV-2) and goes with the link.
const deviceRecord = (purpose: string, extra: Partial<PersonalData> = {}): PersonalData => ({
  category: 'technical',
  purpose,
  basis: 'contract',
  retention: 'account-deleted-1-month',
  exported: true,
  erase: 'delete',
  ...extra,
});

/** A device its owner linked with an enrollment code (DEV-1). Its token is stored only hashed. */
export const device = pgTable(
  'device',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A workspace's device has no personal owner: its owner key is the workspace's (workspace-owner.ts).
    userId: text('user_id').notNull(),
    workspaceId: notPersonal(uuid('workspace_id'), 'the company workspace the device belongs to, if any (WS-1)'),
    name: personal(text('name').notNull(), deviceRecord('Let the owner tell their devices apart')),
    platform: personal(text('platform').notNull(), deviceRecord('Send commands and fixes that suit the device')),
    machineHash: personal(text('machine_hash').notNull(), deviceRecord('Bind licenses to this device')),
    productVersion: personal(text('product_version'), deviceRecord('Show the owner whether the product is up to date')),
    protectionStatus: personal(
      text('protection_status', { enum: PROTECTION_STATUSES }).notNull().default('unknown'),
      deviceRecord('Show the owner whether the device is protected (DEV-2)'),
    ),
    tokenHash: notPersonal(text('token_hash').notNull(), 'sha256 of the device token; the token itself is never stored'),
    tokenScopes: notPersonal(jsonb('token_scopes').$type<string[]>().notNull(), 'what the device token may do'),
    tokenRevokedAt: timestamp('token_revoked_at', tz),
    enrolledAt: timestamp('enrolled_at', tz).notNull(),
    lastCheckinAt: timestamp('last_checkin_at', tz),
  },
  (t) => [index('device_user_idx').on(t.userId), index('device_workspace_idx').on(t.workspaceId).where(sql`workspace_id is not null`)],
);

/** A short-lived code shown in the account and typed into the device: the only way to link one (DEV-1). */
export const deviceEnrollment = pgTable(
  'device_enrollment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    codeHash: notPersonal(text('code_hash').notNull(), 'sha256 of the enrollment code'),
    createdAt: timestamp('created_at', tz).notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
    usedAt: timestamp('used_at', tz),
    deviceId: uuid('device_id'),
  },
  (t) => [uniqueIndex('device_enrollment_code_idx').on(t.codeHash), index('device_enrollment_user_idx').on(t.userId)],
);

/** A problem a device reported; it stays open until a check-in no longer reports it. */
export const deviceProblem = pgTable(
  'device_problem',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    code: notPersonal(text('code').notNull(), 'stable problem code the product reports'),
    detail: personal(text('detail'), deviceRecord('Explain the problem to the owner (DEV-2)')),
    fixable: notPersonal(boolean('fixable').notNull().default(false), 'whether a remote fix exists'),
    openedAt: timestamp('opened_at', tz).notNull(),
    resolvedAt: timestamp('resolved_at', tz),
  },
  (t) => [uniqueIndex('device_problem_open_idx').on(t.deviceId, t.code).where(sql`resolved_at is null`), index('device_problem_user_idx').on(t.userId)],
);

/** Every command sent to a device and the device's answer: the log of anti-theft actions (DEV-3). */
export const deviceCommand = pgTable(
  'device_command',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => device.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    kind: notPersonal(text('kind', { enum: COMMAND_KINDS }).notNull(), 'lock, alarm, wipe or fix'),
    payload: personal(
      jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
      deviceRecord('What the command asks, e.g. the lock message or the problem to fix'),
    ),
    status: notPersonal(text('status', { enum: COMMAND_STATUSES }).notNull(), 'where the command stands'),
    result: personal(text('result'), deviceRecord('What the device answered when it acknowledged the command (DEV-3)')),
    requestedAt: timestamp('requested_at', tz).notNull(),
    deliveredAt: timestamp('delivered_at', tz),
    acknowledgedAt: timestamp('acknowledged_at', tz),
  },
  (t) => [
    index('device_command_pending_idx').on(t.deviceId).where(sql`status in ('pending', 'delivered')`),
    index('device_command_user_idx').on(t.userId, t.requestedAt),
  ],
);

/**
 * Each check-in as reported, partitioned by month (migration 0007) so retention drops whole
 * partitions. There is no location column, and a check-in carrying one is refused (DEV-4).
 */
export const deviceTelemetry = pgTable(
  'device_telemetry',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    deviceId: uuid('device_id').notNull(),
    userId: text('user_id').notNull(),
    recordedAt: timestamp('recorded_at', tz).notNull(),
    protectionStatus: personal(
      text('protection_status').notNull(),
      deviceRecord('Show the device’s protection over time', { retention: 'telemetry-3-months' }),
    ),
    productVersion: personal(text('product_version'), deviceRecord('Show which product version the device ran', { retention: 'telemetry-3-months' })),
    problems: personal(
      jsonb('problems').$type<string[]>().notNull(),
      deviceRecord('Show which problems the device reported', { retention: 'telemetry-3-months' }),
    ),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recordedAt] }),
    index('device_telemetry_device_idx').on(t.deviceId, t.recordedAt),
    index('device_telemetry_user_idx').on(t.userId),
  ],
);
