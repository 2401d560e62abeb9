import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { signInThrottle } from './schema.ts';

/** The failure that makes this many locks the address; each further failure doubles the lock, up to an hour. */
export const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60 * 1000;

export function throttleKey(deps: Pick<Deps, 'config'>, email: string): string {
  return createHmac('sha256', deps.config.masterKey).update(`sign-in:${email.trim().toLowerCase()}`).digest('base64url');
}

/** Seconds until the address may try again, or 0. */
export async function secondsLocked(deps: Pick<Deps, 'db' | 'clock' | 'config'>, email: string): Promise<number> {
  const [row] = await deps.db
    .select()
    .from(signInThrottle)
    .where(eq(signInThrottle.keyHash, throttleKey(deps, email)));
  if (!row?.lockedUntil) return 0;
  const remaining = row.lockedUntil.getTime() - deps.clock.now().getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

export async function recordFailure(deps: Pick<Deps, 'db' | 'clock' | 'config'>, email: string): Promise<void> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(signInThrottle)
    .values({ keyHash: throttleKey(deps, email), failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: signInThrottle.keyHash, set: { failures: sql`${signInThrottle.failures} + 1`, updatedAt: now } })
    .returning();
  const over = row.failures - FREE_FAILURES;
  if (over < 0) return;
  const lockMs = Math.min(BASE_LOCK_MS * 2 ** over, MAX_LOCK_MS);
  await deps.db
    .update(signInThrottle)
    .set({ lockedUntil: new Date(now.getTime() + lockMs) })
    .where(eq(signInThrottle.keyHash, row.keyHash));
}

export async function clearFailures(deps: Pick<Deps, 'db' | 'config'>, email: string): Promise<void> {
  await deps.db.delete(signInThrottle).where(eq(signInThrottle.keyHash, throttleKey(deps, email)));
}
