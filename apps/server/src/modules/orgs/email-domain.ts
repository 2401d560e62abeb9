import { problems } from '../../platform/errors.ts';
import type { UserSummary } from '../accounts/user-summaries.ts';

/** Anyone can hold an address at these, so owning one proves no tie to a company. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'aol.com',
  'gmail.com',
  'gmx.de',
  'gmx.net',
  'googlemail.com',
  'hotmail.com',
  'icloud.com',
  'live.com',
  'mail.ru',
  'me.com',
  'outlook.com',
  'proton.me',
  'protonmail.com',
  'web.de',
  'yahoo.com',
  'yandex.ru',
]);

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The domain counts as verified when it is the domain of the administrator's own verified
 * address: Better Auth proved they receive mail there, which is all this check needs.
 */
export function verifiedDomainOf(user: UserSummary, domain: string): string {
  const wanted = domain.trim().toLowerCase();
  if (!user.emailVerified || emailDomain(user.email) !== wanted) {
    throw problems.invalidField('domain', 'must be the domain of your own verified email address');
  }
  if (PUBLIC_MAIL_DOMAINS.has(wanted)) throw problems.invalidField('domain', 'is a public mail service anyone can use');
  return wanted;
}
