import { eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/pool.ts';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { recordDoneRequest } from './requests.ts';
import { processingRestriction } from './schema.ts';

/** RIGHT-6: every module asks this before processing for anything but storage and legal claims. */
export async function isRestricted(deps: { db: Db }, userId: string): Promise<boolean> {
  const [row] = await deps.db.select({ userId: processingRestriction.userId }).from(processingRestriction).where(eq(processingRestriction.userId, userId));
  return row !== undefined;
}

/**
 * For modules that show many people's data at once (the community): a condition that is true where the account in
 * `userId` is not restricted, so a restricted person's content is left out of the query itself (RIGHT-6).
 */
export function notRestricted(userId: AnyPgColumn): SQL {
  return sql`not exists (select 1 from ${processingRestriction} where ${processingRestriction.userId} = ${userId})`;
}

export async function restrictionOf(deps: Pick<Deps, 'db'>, userId: string): Promise<{ restricted: boolean; since: Date | null }> {
  const [row] = await deps.db.select().from(processingRestriction).where(eq(processingRestriction.userId, userId));
  return { restricted: row !== undefined, since: row?.restrictedAt ?? null };
}

export async function setRestriction(deps: Pick<Deps, 'db' | 'clock'>, userId: string, restricted: boolean) {
  if (restricted) {
    await deps.db.insert(processingRestriction).values({ userId, restrictedAt: deps.clock.now() }).onConflictDoNothing();
  } else {
    await deps.db.delete(processingRestriction).where(eq(processingRestriction.userId, userId));
  }
  const request = await recordDoneRequest(deps, userId, 'restriction', { restricted });
  return { ...(await restrictionOf(deps, userId)), requestId: request.id };
}

/** A restricted account's opt-ins cannot be switched on: that would be new processing. Switching off stays allowed. */
export async function refuseOptInWhileRestricted(deps: { db: Db }, userId: string, switchingOn: boolean): Promise<void> {
  if (switchingOn && (await isRestricted(deps, userId))) {
    throw problems.conflict('processing-restricted', 'Processing of this account is restricted; lift the restriction first');
  }
}
