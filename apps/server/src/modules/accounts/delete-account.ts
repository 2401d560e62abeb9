import { and, eq } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { leaveCommunity } from '../community/members.ts';
import { handOverCompany } from '../orgs/hand-over-company.ts';
import type { Auth } from './auth.ts';
import { authMessages } from './messages.ts';
import { requireFreshSignIn } from './require-fresh-sign-in.ts';
import { accounts, passkeys, twoFactors, users } from './schema.ts';

/** ACC-5: personal data is purged no later than one calendar month after deletion. */
export const PURGE_AFTER_DAYS = 30;
export const PURGE_QUEUE = 'accounts.purge-deleted';

interface Caller {
  userId: string;
  sessionCreatedAt: Date;
}

async function checkPassword(auth: Auth, deps: Deps, userId: string, password: string): Promise<void> {
  const [credential] = await deps.db
    .select({ hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  const context = await auth.$context;
  if (!credential?.hash || !(await context.password.verify({ hash: credential.hash, password }))) {
    throw problems.invalidField('password', 'is not the password of this account');
  }
}

/**
 * Sign-in stops at once: the account is marked deleted, every credential and session is
 * removed. The rest of its personal data waits for the purge job, which runs by the deadline.
 */
export async function deleteAccount(auth: Auth, deps: Deps, caller: Caller, password: string): Promise<{ purgeAfter: Date }> {
  requireFreshSignIn(deps, caller);
  await checkPassword(auth, deps, caller.userId, password);
  const { user, purgeAfter } = await endAccount(auth, deps, caller.userId);
  await authMessages(deps).accountDeleted(user, purgeAfter);
  return { purgeAfter };
}

/** Marks the account deleted, removes its credentials, ends its sessions and schedules its purge; also used by erasure (RIGHT-1). */
export async function endAccount(auth: Auth, deps: Deps, userId: string) {
  const now = deps.clock.now();
  const purgeAfter = new Date(now.getTime() + PURGE_AFTER_DAYS * DAY_MS);
  const user = await deps.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ deletedAt: now, updatedAt: now }).where(eq(users.id, userId)).returning();
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
    await tx.delete(twoFactors).where(eq(twoFactors.userId, userId));
    return row;
  });
  const context = await auth.$context;
  await context.internalAdapter.deleteUserSessions(userId);
  await handOverCompany(deps, userId);
  // COMM-4 promises a day, not the account's month.
  await leaveCommunity(deps, userId);
  await deps.jobs?.sendAfter(PURGE_QUEUE, { userId }, { singletonKey: userId }, purgeAfter);
  return { user, purgeAfter };
}
