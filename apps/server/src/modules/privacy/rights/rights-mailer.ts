import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/pool.ts';
import type { Mailer } from '../../../platform/notify/mailer.ts';
import { users } from '../../accounts/schema.ts';
import { hasObjected } from './objections.ts';
import { isRestricted } from './restriction.ts';

async function accountOf(db: Db, mail: { to: string; userId?: string }): Promise<string | null> {
  if (mail.userId) return mail.userId;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, mail.to.trim().toLowerCase()));
  return row?.id ?? null;
}

/**
 * The one place marketing mail is refused: to a restricted account (RIGHT-6), or for a purpose
 * the person objected to. Service and legal mail always goes, whatever the restriction.
 */
export function honourRights(inner: Mailer, db: Db): Mailer {
  return {
    transport: inner.transport,
    async send(mail) {
      if (mail.kind === 'marketing') {
        const userId = await accountOf(db, mail);
        if (userId && (await isRestricted({ db }, userId))) return;
        if (userId && mail.purpose && (await hasObjected({ db }, userId, mail.purpose))) return;
      }
      await inner.send(mail);
    },
  };
}
