import type { Auth } from '../modules/accounts/auth.ts';
import { setPreferences } from '../modules/accounts/preferences.ts';
import { updateProfile } from '../modules/accounts/profile.ts';
import type { Deps } from '../platform/deps.ts';
import { createVerifiedUser } from './create-staff.ts';

export const DEMO_PASSWORD = 'steward-demo-password';

const customers = [
  { email: 'ada@demo.steward.local', name: 'Ada Lovelace', language: 'en', country: 'GB', news: true },
  { email: 'grace@demo.steward.local', name: 'Grace Hopper', language: 'en', country: 'US', news: false },
  { email: 'hedy@demo.steward.local', name: 'Hedy Lamarr', language: 'de-AT', country: 'AT', news: false },
];

const staff = [
  { email: 'support@demo.steward.local', name: 'Sam Support', role: 'support' },
  { email: 'dpo@demo.steward.local', name: 'Dana Privacy', role: 'dpo' },
];

/** Demo data a newcomer can sign in with; running it twice changes nothing. */
export async function seedDemo(auth: Auth, deps: Deps): Promise<string[]> {
  const lines: string[] = [];
  for (const customer of customers) {
    const { userId } = await createVerifiedUser(auth, deps, { email: customer.email, role: 'user', password: DEMO_PASSWORD, name: customer.name });
    await updateProfile(deps, userId, { name: customer.name, language: customer.language, country: customer.country });
    await setPreferences(deps, userId, { news: customer.news, surveys: false });
    lines.push(`customer ${customer.email}`);
  }
  for (const member of staff) {
    await createVerifiedUser(auth, deps, { email: member.email, role: member.role, password: DEMO_PASSWORD, name: member.name });
    lines.push(`${member.role.padEnd(8)} ${member.email}`);
  }
  return lines;
}
