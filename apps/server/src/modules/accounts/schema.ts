import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notPersonal, type PersonalData, personal } from '../../platform/datamap/annotate.ts';

/*
 * Better Auth's tables, declared here so the data map annotates them like any other.
 * The JS keys are Better Auth's field names; the SQL names are ours.
 */

const account = { basis: 'contract', retention: 'account-deleted-1-month', exported: true, erase: 'delete' } as const;
const tz = { withTimezone: true } as const;

function accountData(category: PersonalData['category'], purpose: string, extra: Partial<PersonalData> = {}): PersonalData {
  return { ...account, category, purpose, ...extra };
}

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: personal(text('name').notNull().default(''), accountData('identity', 'Address the user in the account and in messages')),
  email: personal(text('email').notNull().unique(), accountData('contact', 'User name for sign-in and service messages')),
  emailVerified: notPersonal(boolean('email_verified').notNull().default(false), 'A flag about the address, not the address'),
  image: personal(text('image'), accountData('identity', 'Profile picture the user chose')),
  language: personal(text('language'), accountData('preference', 'Language of the interface and of messages')),
  country: personal(text('country'), accountData('preference', 'Route support and apply the law of the user’s country')),
  twoFactorEnabled: notPersonal(boolean('two_factor_enabled').default(false), 'Security setting flag'),
  phoneNumber: personal(
    text('phone_number').unique(),
    accountData('contact', 'Send sign-in security codes, and nothing else', { processors: ['sms-gateway'] }),
  ),
  phoneNumberVerified: notPersonal(boolean('phone_number_verified'), 'A flag about the number, not the number'),
  role: notPersonal(text('role'), 'Staff role for the console; customers have "user"'),
  banned: notPersonal(boolean('banned').default(false), 'Account state flag'),
  banReason: personal(text('ban_reason'), accountData('security', 'Why staff blocked the account')),
  banExpires: timestamp('ban_expires', tz),
  deletedAt: timestamp('deleted_at', tz),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

const session = { basis: 'contract', retention: 'session-ended', exported: true, erase: 'delete' } as const;

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', tz).notNull(),
    token: personal(text('token').notNull().unique(), {
      ...session,
      category: 'credential',
      purpose: 'Keep the user signed in',
      exported: false,
      secret: true,
    }),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    ipAddress: personal(text('ip_address'), { ...session, category: 'technical', purpose: 'Show the user where they are signed in; spot account takeover' }),
    userAgent: personal(text('user_agent'), { ...session, category: 'technical', purpose: 'Show the user which browsers are signed in' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    impersonatedBy: personal(text('impersonated_by'), {
      ...session,
      category: 'security',
      purpose: 'Record which staff member acted as the user',
      basis: 'legitimate-interest',
    }),
    // The organization plugin's choice of company for the session; Steward has one company per person.
    activeOrganizationId: text('active_organization_id'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: notPersonal(text('account_id').notNull(), 'Equals the user id for email and password sign-in'),
    providerId: notPersonal(text('provider_id').notNull(), 'Name of the sign-in method'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: personal(text('access_token'), accountData('credential', 'Token of a linked sign-in provider', { exported: false, secret: true })),
    refreshToken: personal(text('refresh_token'), accountData('credential', 'Token of a linked sign-in provider', { exported: false, secret: true })),
    idToken: personal(text('id_token'), accountData('credential', 'Token of a linked sign-in provider', { exported: false, secret: true })),
    accessTokenExpiresAt: timestamp('access_token_expires_at', tz),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', tz),
    scope: notPersonal(text('scope'), 'Scopes granted to a sign-in provider'),
    password: personal(text('password'), accountData('credential', 'Check the password at sign-in (a slow scrypt hash)', { exported: false, secret: true })),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (t) => [index('accounts_user_id_idx').on(t.userId)],
);

const pending = { basis: 'contract', retention: 'verification-expired', exported: false, erase: 'delete' } as const;

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: personal(text('identifier').notNull(), {
      ...pending,
      category: 'contact',
      purpose: 'Match a verification or reset code to the address it was sent to',
    }),
    value: personal(text('value').notNull(), { ...pending, category: 'credential', purpose: 'The code or token being verified', secret: true }),
    expiresAt: timestamp('expires_at', tz).notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier), index('verifications_expires_at_idx').on(t.expiresAt)],
);

export const twoFactors = pgTable(
  'two_factors',
  {
    id: text('id').primaryKey(),
    secret: personal(text('secret').notNull(), accountData('credential', 'Check TOTP sign-in codes', { exported: false, secret: true })),
    backupCodes: personal(
      text('backup_codes').notNull(),
      accountData('credential', 'Recover sign-in without the authenticator', { exported: false, secret: true }),
    ),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    verified: notPersonal(boolean('verified').default(true), 'Whether setup was confirmed'),
    failedVerificationCount: notPersonal(integer('failed_verification_count').default(0), 'Counter for backoff'),
    lockedUntil: timestamp('locked_until', tz),
  },
  (t) => [index('two_factors_user_id_idx').on(t.userId)],
);

export const passkeys = pgTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    name: personal(text('name'), accountData('security', 'Let the user tell their passkeys apart')),
    publicKey: personal(text('public_key').notNull(), accountData('credential', 'Check passkey sign-in', { exported: false, secret: true })),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    credentialID: personal(text('credential_id').notNull(), accountData('credential', 'Find the passkey at sign-in', { exported: false })),
    counter: notPersonal(integer('counter').notNull(), 'Replay counter'),
    deviceType: notPersonal(text('device_type').notNull(), 'Single- or multi-device credential'),
    backedUp: notPersonal(boolean('backed_up').notNull(), 'Whether the authenticator backs the key up'),
    transports: notPersonal(text('transports'), 'How the authenticator connects'),
    createdAt: timestamp('created_at', tz).defaultNow(),
    aaguid: notPersonal(text('aaguid'), 'Authenticator model id'),
  },
  (t) => [index('passkeys_user_id_idx').on(t.userId)],
);

export const rateLimits = pgTable(
  'rate_limits',
  {
    id: text('id').primaryKey(),
    key: personal(text('key').notNull().unique(), {
      category: 'technical',
      purpose: 'Count requests per address to stop password guessing',
      basis: 'legitimate-interest',
      retention: 'rate-limit-window',
      exported: false,
      erase: 'delete',
    }),
    count: notPersonal(integer('count').notNull(), 'Request counter'),
    lastRequest: notPersonal(bigint('last_request', { mode: 'number' }).notNull(), 'Epoch milliseconds of the last request'),
  },
  // Retention sweeps find expired rows by these; without them each batch scans the table.
  (t) => [index('rate_limits_last_request_idx').on(t.lastRequest)],
);

/** Better Auth finds its tables by these names. */
export const authSchema = {
  user: users,
  session: sessions,
  account: accounts,
  verification: verifications,
  twoFactor: twoFactors,
  passkey: passkeys,
  rateLimit: rateLimits,
};

/** Failed sign-ins per address, keyed by a keyed hash so the table never holds the address. */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    keyHash: personal(text('key_hash').primaryKey(), {
      category: 'security',
      purpose: 'Slow down password guessing against one account',
      basis: 'legitimate-interest',
      retention: 'throttle-1-day',
      exported: false,
      erase: 'delete',
    }),
    failures: notPersonal(integer('failures').notNull().default(0), 'Counter for backoff'),
    lockedUntil: timestamp('locked_until', tz),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttle_updated_at_idx').on(t.updatedAt)],
);
