import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { client, outboxFor } from '../../testing/accounts-client.ts';
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

describe('a company whose administrator deletes their account', () => {
  // Deleting needs a fresh sign-in, which the clock of the purge test above has left far behind.
  beforeEach(() => t.clock.set(new Date()));
  const roles = async (companyId: string) =>
    Object.fromEntries((await t.deps.db.select().from(companyMember).where(eq(companyMember.organizationId, companyId))).map((m) => [m.userId, m.role]));

  it('keeps an administrator: the longest-standing member becomes owner and is told why', async () => {
    const acme = await company(t, 2);
    const [first, second] = acme.colleagues;
    expect((await acme.admin.browser.request('POST', '/api/account/deletion', { password: acme.admin.visitor.password })).statusCode).toBe(202);

    expect(await roles(acme.id)).toMatchObject({ [first.userId]: 'owner', [second.userId]: 'member' });
    const told = (await outboxFor(t, first.visitor.email)).filter((m) => m.subject.includes('You now administer'));
    expect(told).toHaveLength(1);
    expect((await first.browser.request('GET', '/api/companies/current/members')).statusCode).toBe(200);
    expect((await outboxFor(t, second.visitor.email)).filter((m) => m.subject.includes('You now administer'))).toEqual([]);
  });

  it('hands ownership to a remaining administrator without mailing anyone when one exists', async () => {
    const acme = await company(t, 2);
    const [member, admin] = acme.colleagues;
    await acme.admin.browser.request('PATCH', `/api/companies/current/members/${admin.memberId}`, { role: 'admin' });
    await acme.admin.browser.request('POST', '/api/account/deletion', { password: acme.admin.visitor.password });
    expect(await roles(acme.id)).toMatchObject({ [admin.userId]: 'owner', [member.userId]: 'member' });
    expect((await outboxFor(t, admin.visitor.email)).filter((m) => m.subject.includes('You now administer'))).toEqual([]);
  });

  it('lets the owner hand the company over; only the owner may, and only to a colleague', async () => {
    const acme = await company(t, 2);
    const [heir, other] = acme.colleagues;
    const rival = await company(t, 1);
    expect((await other.browser.request('POST', `/api/companies/current/members/${heir.memberId}/ownership`)).statusCode).toBe(403);
    expect((await acme.admin.browser.request('POST', `/api/companies/current/members/${rival.colleagues[0].memberId}/ownership`)).statusCode).toBe(404);
    expect(await roles(acme.id)).toMatchObject({ [acme.admin.userId]: 'owner', [heir.userId]: 'member' });

    expect((await acme.admin.browser.request('POST', `/api/companies/current/members/${heir.memberId}/ownership`)).statusCode).toBe(204);
    expect(await roles(acme.id)).toMatchObject({ [acme.admin.userId]: 'admin', [heir.userId]: 'owner', [other.userId]: 'member' });
    // Now an administrator but no owner, the former owner may not hand it over again, and may leave.
    expect((await acme.admin.browser.request('POST', `/api/companies/current/members/${other.memberId}/ownership`)).statusCode).toBe(403);
    expect((await acme.admin.browser.request('DELETE', '/api/companies/current/membership')).statusCode).toBe(204);
  });
});
