import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';

export interface IssuedCode {
  name: string;
  code: string;
}

/** The account's address, or null once the account is gone: then there is no one to mail. */
async function addressOf(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  try {
    return (await getProfile(deps, userId)).email;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

/** The service messages of the store, in one place so wording stays consistent. */
export function purchaseMessages(deps: Pick<Deps, 'db' | 'mailer' | 'config'>) {
  const mail = async (userId: string, subject: string, text: string) => {
    const to = await addressOf(deps, userId);
    if (to) await deps.mailer.send({ to, subject, text, userId, kind: 'service' });
  };
  const licensesPage = `${deps.config.baseUrl}/account/licenses`;
  return {
    /** The one time an activation code leaves Steward: only its hash is stored. */
    activationCodes: (userId: string, codes: IssuedCode[]) =>
      mail(
        userId,
        codes.length === 1 ? 'Your activation code' : 'Your activation codes',
        `Thank you for your order. ${codes.length === 1 ? 'The license is' : 'The licenses are'} already in your account:\n${licensesPage}\n\n` +
          `To activate the product on a device, enter the code there:\n${codes.map((c) => `${c.name}: ${c.code}`).join('\n')}\n\n` +
          'Keep this message: Steward stores only a fingerprint of each code and cannot show it again.',
      ),
    renewed: (userId: string, name: string, codeLastGroup: string) =>
      mail(userId, 'Your license is renewed', `Your license ${name} (code ending ${codeLastGroup}) is renewed for another term.\n${licensesPage}`),
    autoRenewalNotRun: (userId: string, name: string, codeLastGroup: string, expiresAt: Date) =>
      mail(
        userId,
        'Your license could not be renewed automatically',
        `You chose to renew your license ${name} (code ending ${codeLastGroup}) automatically, but there is no valid card linked to your account, so nothing was charged.\n` +
          `The license ends on ${expiresAt.toISOString().slice(0, 10)}. You can renew it from your account:\n${licensesPage}`,
      ),
  };
}
