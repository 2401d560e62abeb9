import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { PURGE_AFTER_DAYS } from '../accounts/delete-account.ts';
import { purgeDeletedAccounts } from '../accounts/purge-deleted-accounts.ts';
import { company } from './company-test-kit.ts';
import { companyMember, companyNotice } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a member who deletes their account', () => {
  it('[ORG-6] can no longer sign in, is no colleague any more, and their membership goes at the purge, not before', async () => {
    t.clock.set(new Date());
    const acme = await company(t, 2);
    const [leaver, stayer] = acme.colleagues;
    expect((await leaver.browser.request('POST', '/api/account/deletion', { password: leaver.visitor.password })).statusCode).toBe(202);

    expect((await client(t, leaver.visitor).signIn()).statusCode).toBe(401);
    expect((await leaver.browser.request('GET', '/api/companies/current')).statusCode).toBe(401);
    const members = (await acme.admin.browser.request('GET', '/api/companies/current/members')).json();
    expect(members.map((m: { userId: string }) => m.userId).sort()).toEqual([acme.admin.userId, stayer.userId].sort());
    expect((await acme.admin.browser.request('POST', `/api/companies/current/members/${leaver.memberId}/password-reset`)).statusCode).toBe(404);

    const membership = () => t.deps.db.select().from(companyMember).where(eq(companyMember.userId, leaver.userId));
    const notices = () => t.deps.db.select().from(companyNotice).where(eq(companyNotice.subjectUserId, leaver.userId));
    t.clock.advance((PURGE_AFTER_DAYS - 1) * DAY_MS);
    await purgeDeletedAccounts(t.deps);
    expect(await membership()).toHaveLength(1);

    t.clock.advance(2 * DAY_MS);
    await purgeDeletedAccounts(t.deps);
    expect(await membership()).toEqual([]);
    expect(await notices()).toEqual([]);
    expect(await t.deps.db.select().from(companyMember).where(eq(companyMember.userId, stayer.userId))).toHaveLength(1);
  });
});
