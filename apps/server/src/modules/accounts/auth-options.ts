import { passkey } from '@better-auth/passkey';
import type { BetterAuthOptions } from 'better-auth';
import { admin, organization, phoneNumber, twoFactor } from 'better-auth/plugins';

export interface AuthSenders {
  sendTwoFactorCode(user: { id: string; email: string }, code: string): Promise<void>;
  sendPhoneCode(phoneNumber: string, code: string): Promise<void>;
}

export const STAFF_ROLES = ['admin', 'support', 'dpo'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A company holds at most this many members; the plugin refuses one more. */
export const COMPANY_MEMBER_LIMIT = 1000;

/**
 * Company accounts (ORG). The plugin keeps the tables and adds members; Steward's own routes
 * under /api/companies apply the rules (one company per person, blocking, notices), so the
 * plugin's HTTP endpoints are switched off (see companyPluginPaths).
 */
function companies() {
  return organization({
    creatorRole: 'owner',
    organizationLimit: 1,
    membershipLimit: COMPANY_MEMBER_LIMIT,
    schema: {
      organization: {
        additionalFields: {
          country: { type: 'string', required: false },
          language: { type: 'string', required: false },
          domain: { type: 'string', required: false, input: false },
          supportRequestsShared: { type: 'boolean', required: false, defaultValue: false, input: false },
          blockedAt: { type: 'date', required: false, input: false },
        },
      },
    },
  });
}

/** Every HTTP path of the organization plugin, for Better Auth's disabledPaths; server calls still work. */
export function companyPluginPaths(): string[] {
  return Object.values(companies().endpoints).map((endpoint) => endpoint.path);
}

/** The plugin set is shared by the server and the schema check, so both see the same tables. */
export function authPlugins(senders: AuthSenders, baseUrl: string) {
  const origin = new URL(baseUrl);
  return [
    twoFactor({
      issuer: 'Steward',
      otpOptions: { sendOTP: ({ user, otp }) => senders.sendTwoFactorCode(user, otp), storeOTP: 'hashed', allowedAttempts: 5 },
      backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
    }),
    phoneNumber({
      sendOTP: ({ phoneNumber: number, code }) => senders.sendPhoneCode(number, code),
      otpLength: 6,
      expiresIn: 300,
      allowedAttempts: 5,
      phoneNumberValidator: (number) => /^\+[1-9]\d{6,14}$/.test(number),
    }),
    passkey({ rpID: origin.hostname, rpName: 'Steward', origin: origin.origin }),
    admin({ defaultRole: 'user', adminRoles: ['admin'] }),
    companies(),
  ] satisfies BetterAuthOptions['plugins'];
}
