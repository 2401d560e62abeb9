import { createHmac } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { companyAuthSchema } from '../orgs/schema.ts';
import { authPlugins, companyPluginPaths } from './auth-options.ts';
import { authMessages } from './messages.ts';
import { redisStorage } from './redis-storage.ts';
import { authSchema, users } from './schema.ts';
import { clearFailures, recordFailure, secondsLocked } from './sign-in-throttle.ts';

/** Set by our HTTP layer from the socket (or a trusted proxy), never taken from the client. */
export const CLIENT_IP_HEADER = 'x-steward-client-ip';

const RATE_LIMIT_WINDOW_SECONDS = 60;
const RATE_LIMIT_RULES = {
  '/sign-in/email': { window: 60, max: 10 },
  '/sign-up/email': { window: 60, max: 5 },
  '/request-password-reset': { window: 300, max: 5 },
  '/send-verification-email': { window: 300, max: 5 },
  '/phone-number/send-otp': { window: 300, max: 3 },
  '/two-factor/send-otp': { window: 300, max: 3 },
  '/two-factor/verify-totp': { window: 60, max: 10 },
  '/two-factor/verify-otp': { window: 60, max: 10 },
  '/two-factor/verify-backup-code': { window: 60, max: 10 },
};
/** A rate-limit counter older than this counts for nothing any more (retention rule rate-limit-window). */
export const LONGEST_RATE_LIMIT_WINDOW_MS = 1000 * Math.max(RATE_LIMIT_WINDOW_SECONDS, ...Object.values(RATE_LIMIT_RULES).map((rule) => rule.window));
export const FRESH_SESSION_SECONDS = 10 * 60;
/** The session cookie lives as long as the session; the published cookie list reads it from here. */
export const SESSION_SECONDS = 7 * 24 * 60 * 60;

async function isDeleted(deps: Deps, userId: string): Promise<boolean> {
  const [row] = await deps.db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
  return !row || row.deletedAt !== null;
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : undefined;
}

/** Mail is sent after the answer so its timing cannot tell whether an address is registered. */
function later(deps: Deps, task: () => Promise<void>): Promise<void> {
  setImmediate(() => task().catch((error) => deps.log.error({ err: error }, 'auth message failed')));
  return Promise.resolve();
}

export function createAuth(deps: Deps) {
  const { config } = deps;
  const messages = authMessages(deps);
  return betterAuth({
    appName: 'Steward',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: createHmac('sha256', config.masterKey).update('better-auth').digest('hex'),
    trustedOrigins: [config.baseUrl],
    database: drizzleAdapter(deps.db, { provider: 'pg', schema: { ...authSchema, ...companyAuthSchema } }),
    disabledPaths: companyPluginPaths(),
    secondaryStorage: deps.redis ? redisStorage(deps.redis) : undefined,
    telemetry: { enabled: false },
    logger: { disabled: true },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 30 * 60,
      sendResetPassword: ({ user, url }) =>
        later(deps, async () => {
          if (!(await isDeleted(deps, user.id))) await messages.resetPassword(user, url);
        }),
      onExistingUserSignUp: ({ user }) => later(deps, () => messages.existingSignUp(user)),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: ({ user, url }) => later(deps, () => messages.verifyEmail(user, url)),
    },
    user: {
      additionalFields: {
        language: { type: 'string', required: false, input: false },
        country: { type: 'string', required: false, input: false },
        deletedAt: { type: 'date', required: false, input: false },
      },
      changeEmail: {
        enabled: true,
        sendChangeEmailConfirmation: ({ user, newEmail, url }) => later(deps, () => messages.confirmEmailChange(user, newEmail, url)),
      },
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 60 * 60,
      freshAge: FRESH_SESSION_SECONDS,
      storeSessionInDatabase: true,
    },
    rateLimit: {
      enabled: true,
      window: RATE_LIMIT_WINDOW_SECONDS,
      max: 100,
      storage: deps.redis ? 'secondary-storage' : 'database',
      customRules: RATE_LIMIT_RULES,
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.baseUrl.startsWith('https:'),
    },
    databaseHooks: {
      session: {
        create: {
          // The last guard for every sign-in path: a deleted account gets no session.
          before: async (session) => ((await isDeleted(deps, session.userId)) ? false : undefined),
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const wait = await secondsLocked(deps, email);
        if (wait > 0) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { message: 'Too many failed attempts; try again later', code: 'SIGN_IN_LOCKED' },
            { 'retry-after': String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const returned = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.status === 'UNAUTHORIZED') await recordFailure(deps, email);
        } else {
          await clearFailures(deps, email);
        }
      }),
    },
    plugins: authPlugins(
      {
        sendTwoFactorCode: (user, code) => messages.twoFactorCode(user, code),
        sendPhoneCode: (phoneNumber, code) => messages.phoneCode(phoneNumber, code),
      },
      config.baseUrl,
    ),
  });
}

export type Auth = ReturnType<typeof createAuth>;
