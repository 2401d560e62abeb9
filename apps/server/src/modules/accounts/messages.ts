import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { users } from './schema.ts';

interface Recipient {
  id: string;
  email: string;
}

/** Every service message of the account, in one place so wording and channels stay consistent. */
export function authMessages(deps: Deps) {
  const mail = (user: Recipient, subject: string, text: string) => deps.mailer.send({ to: user.email, subject, text, userId: user.id });
  return {
    verifyEmail: (user: Recipient, url: string) =>
      mail(
        user,
        'Confirm your email address',
        `Welcome to Steward.\n\nConfirm your address to finish signing up:\n${url}\n\nThe link works for 24 hours. If you did not sign up, ignore this message.`,
      ),
    existingSignUp: (user: Recipient) =>
      mail(
        user,
        'Someone tried to sign up with your address',
        'Someone tried to create a Steward account with this address, which already has one.\nIf it was you, sign in or reset your password. If not, you need not do anything.',
      ),
    resetPassword: (user: Recipient, url: string) =>
      mail(
        user,
        'Reset your password',
        `Use this link to choose a new password:\n${url}\n\nIt works for 30 minutes. Signing in elsewhere ends when the password changes.`,
      ),
    /** Goes to the current address first; the new one is verified after this is approved. */
    confirmEmailChange: (user: Recipient, newEmail: string, url: string) =>
      mail(
        user,
        'Approve the change of your email address',
        `Someone asked to change your Steward sign-in address to ${newEmail}.\nIf it was you, approve it here; a link to confirm the new address follows:\n${url}\n\nIf not, ignore this message and your address stays as it is.`,
      ),
    accountDeleted: (user: Recipient, purgeAfter: Date) =>
      mail(
        user,
        'Your account is deleted',
        `Your Steward account is deleted. You can no longer sign in, and every session has ended.\nAll personal data of the account will be purged no later than ${purgeAfter.toISOString().slice(0, 10)}.`,
      ),
    /** By SMS to a verified phone (the only use of the phone number, ACC-2), else by email. */
    async twoFactorCode(user: Recipient, code: string) {
      const [row] = await deps.db.select({ phone: users.phoneNumber, verified: users.phoneNumberVerified }).from(users).where(eq(users.id, user.id));
      if (row?.phone && row.verified) await deps.sms.send({ to: row.phone, text: `Your Steward sign-in code is ${code}`, userId: user.id });
      else await mail(user, 'Your sign-in code', `Your Steward sign-in code is ${code}. It works for 3 minutes.`);
    },
    phoneCode: (phoneNumber: string, code: string) => deps.sms.send({ to: phoneNumber, text: `Your Steward verification code is ${code}` }),
  };
}
