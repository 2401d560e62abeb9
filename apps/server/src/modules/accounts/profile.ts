import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { users } from './schema.ts';

export interface ProfileUpdate {
  name?: string;
  language?: string | null;
  country?: string | null;
}

export async function getProfile(deps: Pick<Deps, 'db'>, userId: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.deletedAt) throw problems.notFound('account');
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified,
    name: user.name,
    language: user.language,
    country: user.country,
    phoneNumber: user.phoneNumber,
    phoneNumberVerified: user.phoneNumberVerified ?? false,
    twoFactorEnabled: user.twoFactorEnabled ?? false,
    role: user.role ?? 'user',
    createdAt: user.createdAt.toISOString(),
  };
}

export async function updateProfile(deps: Pick<Deps, 'db' | 'clock'>, userId: string, update: ProfileUpdate) {
  const set = {
    ...(update.name !== undefined ? { name: update.name.trim() } : {}),
    ...(update.language !== undefined ? { language: update.language } : {}),
    ...(update.country !== undefined ? { country: update.country?.toUpperCase() ?? null } : {}),
  };
  if (Object.keys(set).length > 0)
    await deps.db
      .update(users)
      .set({ ...set, updatedAt: deps.clock.now() })
      .where(eq(users.id, userId));
  return getProfile(deps, userId);
}
