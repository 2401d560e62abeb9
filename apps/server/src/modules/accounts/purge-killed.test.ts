import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { outboxMessage } from '../../platform/notify/schema.ts';
import { TEST_MASTER_KEY, type TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { purgeDeletedAccounts } from './purge-deleted-accounts.ts';
import { users } from './schema.ts';

const main = new URL('../../main.ts', import.meta.url).pathname;
const ACCOUNTS = 600;

let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t?.close());

async function seedDeletedAccounts(): Promise<string[]> {
  const deletedAt = new Date(Date.now() - 40 * DAY_MS);
  const rows = Array.from({ length: ACCOUNTS }, () => {
    const id = randomBytes(12).toString('hex');
    return { id, email: `purge-${id}@example.test`, name: `Purged ${id}`, deletedAt };
  });
  await t.deps.db.insert(users).values(rows);
  await t.deps.db
    .insert(outboxMessage)
    .values(rows.map((u) => ({ channel: 'email' as const, recipient: u.email, subject: 'Deleted', body: 'Your account is deleted', subjectUserId: u.id })));
  return rows.map((u) => u.id);
}

const remaining = async (ids: string[]) => (await t.deps.db.select({ n: count() }).from(users).where(inArray(users.id, ids)))[0].n;

describe('the account purge whose worker is killed', () => {
  it('[ACC-5] leaves every account whole or gone, and a second run finishes the purge', async () => {
    const ids = await seedDeletedAccounts();
    const worker = spawn(process.execPath, [main, 'retention', 'run', 'account-deleted-1-month'], {
      env: {
        ...process.env,
        DATABASE_URL: t.deps.config.databaseUrl as string,
        STEWARD_DATA_DIR: t.deps.config.dataDir,
        STEWARD_MASTER_KEY: TEST_MASTER_KEY,
        BASE_URL: t.deps.config.baseUrl,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    for (let i = 0; i < 2000 && (await remaining(ids)) > ACCOUNTS - 20; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    worker.kill('SIGKILL');
    await exited;

    const left = await remaining(ids);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(ACCOUNTS);
    // Whole or gone: an account still there keeps its mail, one that is gone left none behind.
    for (const id of ids) {
      const [user] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.id, id));
      const [mail] = await t.deps.db.select({ n: count() }).from(outboxMessage).where(eq(outboxMessage.subjectUserId, id));
      expect(mail.n, id).toBe(user ? 1 : 0);
    }

    t.clock.set(new Date());
    expect(await purgeDeletedAccounts(t.deps)).toBe(left);
    expect(await remaining(ids)).toBe(0);
  }, 120_000);
});
