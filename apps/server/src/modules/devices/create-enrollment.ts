import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { deviceErrors } from './device-errors.ts';
import { enrollmentCodeHash, enrollmentCodeSymbols, newEnrollmentCode } from './enrollment-code.ts';
import { deviceEnrollment } from './schema.ts';

export const ENROLLMENT_CODE_MS = 15 * 60 * 1000;
export const MAX_LIVE_ENROLLMENT_CODES = 5;

/** DEV-1: the user asks for a code in the account and types it into the device; only its hash is kept. */
export async function createEnrollment(deps: Pick<Deps, 'db' | 'clock'>, userId: string): Promise<{ code: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_MS);
  return deps.db.transaction(async (tx) => {
    // One user's requests queue here, so two at once cannot both pass the count.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`device-enrollment:${userId}`}))`);
    const [live] = await tx
      .select({ n: count() })
      .from(deviceEnrollment)
      .where(and(eq(deviceEnrollment.userId, userId), isNull(deviceEnrollment.usedAt), gt(deviceEnrollment.expiresAt, now)));
    if (live.n >= MAX_LIVE_ENROLLMENT_CODES) throw deviceErrors.tooManyEnrollmentCodes(MAX_LIVE_ENROLLMENT_CODES);
    // A code equal to a stored one (used or expired, not yet purged) is drawn again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newEnrollmentCode();
      const inserted = await tx
        .insert(deviceEnrollment)
        .values({ userId, codeHash: enrollmentCodeHash(enrollmentCodeSymbols(code) as string), createdAt: now, expiresAt })
        .onConflictDoNothing()
        .returning({ id: deviceEnrollment.id });
      if (inserted.length > 0) return { code, expiresAt };
    }
    throw new Error('no free enrollment code after 5 draws');
  });
}
