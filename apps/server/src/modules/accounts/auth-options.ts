import { passkey } from '@better-auth/passkey';
import type { BetterAuthOptions } from 'better-auth';
import { admin, phoneNumber, twoFactor } from 'better-auth/plugins';

export interface AuthSenders {
  sendTwoFactorCode(user: { id: string; email: string }, code: string): Promise<void>;
  sendPhoneCode(phoneNumber: string, code: string): Promise<void>;
}

export const STAFF_ROLES = ['admin', 'support', 'dpo'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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
  ] satisfies BetterAuthOptions['plugins'];
}
