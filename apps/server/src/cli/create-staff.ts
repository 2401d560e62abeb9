import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Auth } from '../modules/accounts/auth.ts';
import { STAFF_ROLES } from '../modules/accounts/auth-options.ts';
import { accounts, users } from '../modules/accounts/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/errors.ts';

export interface StaffInput {
  email: string;
  role: string;
  password?: string;
  name?: string;
}

/** Creates or promotes a staff account with a verified address; returns the password only when it made one. */
export async function createStaff(auth: Auth, deps: Deps, input: StaffInput): Promise<{ userId: string; generatedPassword?: string }> {
  if (!(STAFF_ROLES as readonly string[]).includes(input.role)) throw problems.invalidField('role', `must be one of ${STAFF_ROLES.join(', ')}`);
  return createVerifiedUser(auth, deps, input);
}

/** An account whose address counts as verified, for staff and demo data made from the command line. */
export async function createVerifiedUser(auth: Auth, deps: Deps, input: StaffInput): Promise<{ userId: string; generatedPassword?: string }> {
  const role = input.role;
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw problems.invalidField('email', 'is not an email address');
  const generatedPassword = input.password ? undefined : randomBytes(12).toString('base64url');
  const password = input.password ?? (generatedPassword as string);
  if (password.length < 10) throw problems.invalidField('password', 'must be at least 10 characters');
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  const [existing] = await deps.db.select().from(users).where(eq(users.email, email));
  if (existing) {
    await deps.db.update(users).set({ role, emailVerified: true }).where(eq(users.id, existing.id));
    if (input.password || generatedPassword) await deps.db.update(accounts).set({ password: hash }).where(eq(accounts.userId, existing.id));
    return { userId: existing.id, generatedPassword };
  }
  const user = await context.internalAdapter.createUser({ email, name: input.name ?? '', emailVerified: true, role }, { method: 'admin' });
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  return { userId: user.id, generatedPassword };
}

export async function hasStaff(deps: Deps): Promise<boolean> {
  const rows = await deps.db.select({ role: users.role }).from(users).where(eq(users.role, 'admin')).limit(1);
  return rows.length > 0;
}
