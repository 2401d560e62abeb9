import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { buildPolicy, currentPolicyInput, policyHash } from '../privacy/build-policy.ts';
import { consentLedger } from '../privacy/schema.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const noticeVersion = () => policyHash(buildPolicy(currentPolicyInput(t.deps.config)));

describe('opt-ins', () => {
  it('[ACC-3] news and surveys are separate opt-ins, off by default', async () => {
    const browser = await client(t, newVisitor()).register();
    expect((await browser.request('GET', '/api/account/preferences')).json()).toMatchObject({ news: false, surveys: false });
    const changed = await browser.request('PUT', '/api/account/preferences', { news: true, surveys: false });
    expect(changed.json()).toMatchObject({ news: true, surveys: false, noticeVersion: noticeVersion() });
  });

  it('[ACC-3] each choice is a consent record with time and notice version, and can be withdrawn', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('PUT', '/api/account/preferences', { news: true, surveys: true });
    t.clock.advance(60_000);
    await browser.request('PUT', '/api/account/preferences', { news: false, surveys: true });
    expect((await browser.request('GET', '/api/account/preferences')).json()).toMatchObject({ news: false, surveys: true });
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, visitor.email));
    const news = await t.deps.db
      .select()
      .from(consentLedger)
      .where(and(eq(consentLedger.userId, user.id), eq(consentLedger.purpose, 'news')))
      .orderBy(consentLedger.id);
    expect(news.map((r) => r.granted)).toEqual([true, false]);
    expect(news.every((r) => r.noticeVersion === noticeVersion() && r.source === 'account-preferences')).toBe(true);
    expect(news[1].createdAt.getTime() - news[0].createdAt.getTime()).toBe(60_000);
  });

  it('refuses a preference that is not a boolean, naming it', async () => {
    const browser = await client(t, newVisitor()).register();
    const response = await browser.request('PUT', '/api/account/preferences', { news: 'yes', surveys: false });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('news');
    const missing = await browser.request('PUT', '/api/account/preferences', { news: true });
    expect(missing.json().errors[0].field).toBe('surveys');
  });
});
