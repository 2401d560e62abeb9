import { buildApp } from '../app.ts';
import type { Auth } from '../modules/accounts/auth.ts';
import { setPreferences } from '../modules/accounts/preferences.ts';
import { updateProfile } from '../modules/accounts/profile.ts';
import { listDevices } from '../modules/devices/list-devices.ts';
import type { Deps } from '../platform/deps.ts';
import { createVerifiedUser } from './create-staff.ts';
import { simulateDevices } from './simulate-devices.ts';

export const DEMO_PASSWORD = 'steward-demo-password';

const customers = [
  { email: 'ada@demo.steward.local', name: 'Ada Lovelace', language: 'en', country: 'GB', news: true, devices: ['Ada’s laptop', 'Ada’s phone'] },
  { email: 'grace@demo.steward.local', name: 'Grace Hopper', language: 'en', country: 'US', news: false, devices: ['Grace’s desktop', 'Grace’s tablet'] },
  { email: 'hedy@demo.steward.local', name: 'Hedy Lamarr', language: 'de-AT', country: 'AT', news: false, devices: ['Hedys Notebook', 'Hedys Telefon'] },
];

const staff = [
  { email: 'support@demo.steward.local', name: 'Sam Support', role: 'support' },
  { email: 'dpo@demo.steward.local', name: 'Dana Privacy', role: 'dpo' },
];

/** Demo data a newcomer can sign in with; running it twice changes nothing. */
export async function seedDemo(auth: Auth, deps: Deps): Promise<string[]> {
  const lines: string[] = [];
  const withoutDevices: typeof customers = [];
  for (const customer of customers) {
    const { userId } = await createVerifiedUser(auth, deps, { email: customer.email, role: 'user', password: DEMO_PASSWORD, name: customer.name });
    await updateProfile(deps, userId, { name: customer.name, language: customer.language, country: customer.country });
    await setPreferences(deps, userId, { news: customer.news, surveys: false });
    if ((await listDevices(deps, userId)).length === 0) withoutDevices.push(customer);
    lines.push(`customer ${customer.email}`);
  }
  await seedDevices(deps, withoutDevices);
  for (const member of staff) {
    await createVerifiedUser(auth, deps, { email: member.email, role: member.role, password: DEMO_PASSWORD, name: member.name });
    lines.push(`${member.role.padEnd(8)} ${member.email}`);
  }
  return lines;
}

/**
 * Each demo customer's devices are enrolled and checked in by the device simulator, through the
 * product API of a server started here for the purpose, exactly as real devices would be.
 */
async function seedDevices(deps: Deps, owners: typeof customers): Promise<void> {
  if (owners.length === 0) return;
  const { app } = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const owner of owners) {
      await simulateDevices({
        baseUrl,
        origin: deps.config.baseUrl,
        email: owner.email,
        password: DEMO_PASSWORD,
        count: owner.devices.length,
        rounds: 2,
        names: owner.devices,
        problemRate: 1,
      });
    }
  } finally {
    await app.close();
  }
}
