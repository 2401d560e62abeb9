import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subjectKey } from '../../platform/blobs/schema.ts';
import { DAY_MS } from '../../platform/clock.ts';
import { outboxMessage } from '../../platform/notify/schema.ts';
import { client, outboxFor } from '../../testing/accounts-client.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, newVisitor, type TestApp, type Visitor } from '../../testing/harness.ts';
import { consentLedger } from '../privacy/schema.ts';
import { purgeDeletedAccounts } from './purge-deleted-accounts.ts';
import { sessions, users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

async function userId(visitor: Visitor): Promise<string> {
  const [row] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, visitor.email));
  return row.id;
}

describe('account deletion', () => {
  it('[ACC-5] stops sign-in at once, ends every session, and confirms by email', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const otherDevice = client(t, visitor);
    expect((await otherDevice.signIn()).statusCode).toBe(200);
    const id = await userId(visitor);

    const deleted = await browser.request('POST', '/api/account/deletion', { password: visitor.password });
    expect(deleted.statusCode).toBe(202);
    expect(new Date(deleted.json().purgeAfter).getTime()).toBeLessThanOrEqual(t.clock.now().getTime() + 31 * DAY_MS);

    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect((await otherDevice.request('GET', '/api/account')).statusCode).toBe(401);
    expect((await client(t, visitor).signIn()).statusCode).toBe(401);
    expect((await outboxFor(t, visitor.email)).map((m) => m.subject)).toContain('Your account is deleted');
  });

  it('[ACC-5] a deleted account cannot come back through a password reset', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('POST', '/api/account/deletion', { password: visitor.password });
    const before = (await outboxFor(t, visitor.email)).length;
    const reset = await client(t, visitor).request('POST', '/api/auth/request-password-reset', { email: visitor.email, redirectTo: '/reset-password' });
    expect(reset.statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outboxFor(t, visitor.email)).toHaveLength(before);
  });

  it('[ACC-5] purges all personal data 30 days after deletion, not before', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('PUT', '/api/account/preferences', { news: true, surveys: false });
    await browser.request('PATCH', '/api/account', { name: `Purge Me ${visitor.ip}` });
    const id = await userId(visitor);
    await browser.request('POST', '/api/account/deletion', { password: visitor.password });

    t.clock.advance(29 * DAY_MS);
    await purgeDeletedAccounts(t.deps);
    expect(await t.deps.db.select().from(users).where(eq(users.id, id))).toHaveLength(1);

    t.clock.advance(2 * DAY_MS);
    expect(await purgeDeletedAccounts(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await t.deps.db.select().from(users).where(eq(users.id, id))).toHaveLength(0);
    expect(await t.deps.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, visitor.email))).toHaveLength(0);
    // Nothing that names the person is left anywhere; the consent proof the law asks for keeps only an opaque id.
    expect(await findAnywhere(t.deps.pool, [visitor.email, `Purge Me ${visitor.ip}`])).toEqual([]);
    const proof = await t.deps.db.select().from(consentLedger).where(eq(consentLedger.userId, id));
    expect(proof.every((row) => row.visitorId === null)).toBe(true);
    const [key] = await t.deps.db.select().from(subjectKey).where(eq(subjectKey.subjectId, id));
    expect(key.destroyedAt).not.toBeNull();
    expect(await purgeDeletedAccounts(t.deps)).toBe(0);
  });

  it('needs a fresh sign-in', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    t.clock.advance(11 * 60 * 1000);
    const response = await browser.request('POST', '/api/account/deletion', { password: visitor.password });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('fresh-sign-in-required');
    expect((await browser.request('GET', '/api/account')).statusCode).toBe(200);
  });

  it('needs the right password, and names the field when it is wrong', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const response = await browser.request('POST', '/api/account/deletion', { password: 'definitely-not-it' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('password');
    const [row] = await t.deps.db.select().from(users).where(eq(users.email, visitor.email));
    expect(row.deletedAt).toBeNull();
  });
});
