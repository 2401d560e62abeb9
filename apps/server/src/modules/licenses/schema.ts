import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

const tz = { withTimezone: true } as const;

export const LICENSE_KINDS = ['subscription', 'trial', 'perpetual'] as const;
export const LICENSE_STATUSES = ['active', 'revoked'] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

// A license record is the contract's proof while it runs and for six months after it ends, the
// time a customer has to renew before the service's data goes (MAIL-4); never a key file (LIC-3).
const licenseRecord = (purpose: string, extra: Partial<PersonalData> = {}): PersonalData => ({
  category: 'technical',
  purpose,
  basis: 'contract',
  retention: 'license-expired-6-months',
  exported: true,
  erase: 'delete',
  ...extra,
});

/** What the vendor sells: one row per product, with the features a license of it unlocks. */
export const product = pgTable('product', {
  id: text('id').primaryKey(),
  name: notPersonal(text('name').notNull(), 'product name'),
  entitlements: notPersonal(jsonb('entitlements').$type<string[]>().notNull(), 'feature flags a license of the product unlocks'),
});

/** How a product is sold: seats, a term in days (none for perpetual), and a price. */
export const licenseType = pgTable('license_type', {
  id: text('id').primaryKey(),
  productId: text('product_id')
    .notNull()
    .references(() => product.id),
  name: notPersonal(text('name').notNull(), 'name of the offer'),
  kind: notPersonal(text('kind', { enum: LICENSE_KINDS }).notNull(), 'subscription, trial or perpetual'),
  seats: notPersonal(integer('seats').notNull(), 'how many devices one license covers'),
  termDays: notPersonal(integer('term_days'), 'length of one term; null for perpetual'),
  priceCents: notPersonal(integer('price_cents').notNull(), 'list price of one term'),
  currency: notPersonal(text('currency').notNull(), 'ISO 4217 currency of the price'),
});

/**
 * One license. The activation code is kept only as its SHA-256 and its last group, for display;
 * the owner is set when a user adds it by code or buys it.
 */
export const license = pgTable(
  'license',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typeId: text('type_id')
      .notNull()
      .references(() => licenseType.id),
    userId: text('user_id'),
    // A company's license (ORG-4) has a company and no user: it outlives any one member's account.
    companyId: text('company_id'),
    codeHash: notPersonal(text('code_hash').notNull(), 'sha256 of the activation code; the code itself is never stored'),
    codeLastGroup: personal(text('code_last_group').notNull(), licenseRecord('Let the owner tell their licenses apart')),
    status: personal(text('status', { enum: LICENSE_STATUSES }).notNull(), licenseRecord('Know whether the license may be used')),
    autoRenew: personal(boolean('auto_renew').notNull().default(false), licenseRecord('Renew the license only if its owner chose it (LIC-2)')),
    issuedAt: timestamp('issued_at', tz).notNull(),
    redeemedAt: timestamp('redeemed_at', tz),
    startsAt: timestamp('starts_at', tz),
    expiresAt: timestamp('expires_at', tz),
    revokedAt: timestamp('revoked_at', tz),
    orderId: uuid('order_id'),
  },
  (t) => [
    uniqueIndex('license_code_hash_idx').on(t.codeHash),
    index('license_user_idx').on(t.userId),
    index('license_company_idx').on(t.companyId),
    index('license_expires_idx').on(t.expiresAt),
  ],
);

/** A seat in use: the license bound to one device, known by the SHA-256 of the device's fingerprint (machine_hash). */
export const licenseActivation = pgTable(
  'license_activation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => license.id, { onDelete: 'cascade' }),
    userId: text('user_id'),
    deviceId: uuid('device_id'),
    machineHash: personal(text('machine_hash').notNull(), licenseRecord('Count the seats in use and check a token is used on its device')),
    deviceName: personal(text('device_name'), licenseRecord('Let the owner tell the seats apart when the product named a device not linked in the account')),
    activatedAt: timestamp('activated_at', tz).notNull(),
    lastValidatedAt: timestamp('last_validated_at', tz),
    deactivatedAt: timestamp('deactivated_at', tz),
  },
  (t) => [
    uniqueIndex('license_activation_seat_idx').on(t.licenseId, t.machineHash).where(sql`deactivated_at is null`),
    index('license_activation_user_idx').on(t.userId),
  ],
);

/** Which expiry reminders went out, so a rerun of the job never mails twice for one term. */
export const licenseReminder = pgTable(
  'license_reminder',
  {
    licenseId: uuid('license_id')
      .notNull()
      .references(() => license.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    termExpiresAt: timestamp('term_expires_at', tz).notNull(),
    daysBefore: notPersonal(integer('days_before').notNull(), '30, 7 or 1'),
    sentAt: timestamp('sent_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenseId, t.termExpiresAt, t.daysBefore] }), index('license_reminder_user_idx').on(t.userId)],
);
