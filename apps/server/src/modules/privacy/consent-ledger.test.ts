import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { consentLedger } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('consent ledger', () => {
  it('[ACC-3] is append-only: a recorded choice cannot be rewritten, only followed by a new one', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('PUT', '/api/account/preferences', { news: true, surveys: false });
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, visitor.email));
    await expect(t.deps.db.update(consentLedger).set({ granted: false }).where(eq(consentLedger.userId, user.id))).rejects.toThrow();
    const rows = await t.deps.db.select().from(consentLedger).where(eq(consentLedger.userId, user.id));
    expect(rows.find((r) => r.purpose === 'news')?.granted).toBe(true);
  });
});
