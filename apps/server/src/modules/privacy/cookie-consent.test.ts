import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { buildPolicy, currentPolicyInput, policyHash } from './build-policy.ts';
import { hasConsent } from './cookie-consent.ts';
import { mailPixelUrl, pixelFile } from './mail-pixel.ts';
import { consentLedger, mailOpen } from './schema.ts';
import { CONSENT_COOKIE, cookiesInUse } from './services.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NONE = { preferences: false, performance: false, 'first-party-analytics': false, 'third-party-advertising': false, 'social-networks': false };
const ANALYTICS = { ...NONE, 'first-party-analytics': true };

function setCookies(header: string | string[] | undefined): string[] {
  return [header ?? []].flat();
}

function visitorIdIn(browserCookie: string): string {
  const match = new RegExp(`${CONSENT_COOKIE}=([^;]+)`).exec(browserCookie);
  if (!match) throw new Error('no consent cookie');
  return match[1];
}

const requestWith = (visitorId?: string) => ({ cookies: visitorId ? { [CONSENT_COOKIE]: visitorId } : {} }) as unknown as FastifyRequest;

async function userIdOf(email: string): Promise<string> {
  const [user] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return user.id;
}

describe('cookie consent', () => {
  it('[COOK-1] a fresh visitor gets no cookie but strictly necessary ones from any public page', async () => {
    const necessary = new Set(
      cookiesInUse(t.deps.config.baseUrl)
        .filter((c) => c.strictlyNecessary)
        .map((c) => c.name),
    );
    const pages = ['/', '/privacy', '/api/privacy/policy', '/api/privacy/policy/versions', '/api/privacy/datamap', '/api/privacy/cookie-consent', '/healthz'];
    for (const url of pages) {
      const response = await client(t, newVisitor()).request('GET', url);
      expect(response.statusCode, url).toBeLessThan(500);
      const names = setCookies(response.headers['set-cookie']).map((c) => c.split('=')[0]);
      for (const name of names) expect(necessary, `${url} set ${name}`).toContain(name);
      expect(names, url).toEqual([]);
    }
  });

  it('[COOK-1] reports every category off until the visitor chooses', async () => {
    const response = await client(t, newVisitor()).request('GET', '/api/privacy/cookie-consent');
    expect(response.json()).toEqual({ chosen: false, categories: NONE });
  });

  it('[COOK-1] a choice sets only the strictly necessary consent cookie, httpOnly and SameSite=Lax for a year', async () => {
    const response = await client(t, newVisitor()).request('POST', '/api/privacy/cookie-consent', { categories: ANALYTICS });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ chosen: true, categories: ANALYTICS });
    const cookies = setCookies(response.headers['set-cookie']);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(new RegExp(`^${CONSENT_COOKIE}=[A-Za-z0-9_-]{22};`));
    expect(cookies[0]).toContain('Max-Age=31536000');
    expect(cookies[0]).toContain('HttpOnly');
    expect(cookies[0]).toContain('SameSite=Lax');
  });

  it('[COOK-3] withdrawal is recorded in the ledger and the state follows the latest choice', async () => {
    const browser = client(t, newVisitor());
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: { ...ANALYTICS, performance: true } });
    const visitorId = visitorIdIn(browser.cookie);
    t.clock.advance(60_000);
    const withdrawn = await browser.request('POST', '/api/privacy/cookie-consent', { categories: NONE });
    expect(withdrawn.json()).toEqual({ chosen: true, categories: NONE });
    expect(visitorIdIn(browser.cookie)).toBe(visitorId);
    expect((await browser.request('GET', '/api/privacy/cookie-consent')).json()).toEqual({ chosen: true, categories: NONE });
    const rows = await t.deps.db
      .select()
      .from(consentLedger)
      .where(and(eq(consentLedger.visitorId, visitorId), eq(consentLedger.purpose, 'cookie:first-party-analytics')))
      .orderBy(consentLedger.id);
    expect(rows.map((r) => r.granted)).toEqual([true, false]);
    const hash = policyHash(buildPolicy(currentPolicyInput(t.deps.config)));
    expect(rows.every((r) => r.noticeVersion === hash && r.source === 'cookie-banner' && r.userId === null)).toBe(true);
    expect(rows[1].createdAt.getTime() - rows[0].createdAt.getTime()).toBe(60_000);
  });

  it('[COOK-3] gives the visitor the proof of every choice as a JSON download', async () => {
    const browser = client(t, newVisitor());
    const empty = await browser.request('GET', '/api/privacy/cookie-consent/proof');
    expect(empty.json()).toEqual({ records: [] });
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: ANALYTICS });
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: NONE });
    const proof = await browser.request('GET', '/api/privacy/cookie-consent/proof');
    expect(proof.headers['content-disposition']).toContain('attachment');
    const records = proof.json().records;
    expect(records).toHaveLength(10);
    expect(records.filter((r: { purpose: string }) => r.purpose === 'cookie:first-party-analytics').map((r: { granted: boolean }) => r.granted)).toEqual([
      true,
      false,
    ]);
    const stranger = await client(t, newVisitor()).request('GET', '/api/privacy/cookie-consent/proof');
    expect(stranger.json()).toEqual({ records: [] });
  });

  it('[COOK-3] a signed-in choice names the person too', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: ANALYTICS });
    const rows = await t.deps.db
      .select()
      .from(consentLedger)
      .where(eq(consentLedger.visitorId, visitorIdIn(browser.cookie)));
    expect(rows.every((r) => r.userId !== null && r.userId === rows[0].userId)).toBe(true);
    expect(rows[0].userId).toBe(await userIdOf(visitor.email));
  });

  it('refuses a choice that is not a full set of booleans, naming the field', async () => {
    const browser = client(t, newVisitor());
    const wrong = await browser.request('POST', '/api/privacy/cookie-consent', { categories: { ...NONE, performance: 'yes' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('categories.performance');
    const missing = await browser.request('POST', '/api/privacy/cookie-consent', { categories: { preferences: true } });
    expect(missing.statusCode).toBe(400);
    const unknown = await browser.request('POST', '/api/privacy/cookie-consent', { categories: { ...NONE, tracking: true } });
    expect(unknown.json().errors[0].field).toBe('categories.tracking');
    expect(browser.cookie).toBe('');
  });

  it('[STAT-2] hasConsent lets analytics and advertising run only after the visitor allowed each', async () => {
    expect(await hasConsent(t.deps, requestWith(), 'first-party-analytics')).toBe(false);
    expect(await hasConsent(t.deps, requestWith(), 'authentication')).toBe(true);
    expect(await hasConsent(t.deps, requestWith('not a visitor id'), 'first-party-analytics')).toBe(false);
    const browser = client(t, newVisitor());
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: ANALYTICS });
    const visitorId = visitorIdIn(browser.cookie);
    expect(await hasConsent(t.deps, requestWith(visitorId), 'first-party-analytics')).toBe(true);
    expect(await hasConsent(t.deps, requestWith(visitorId), 'third-party-advertising')).toBe(false);
    await browser.request('POST', '/api/privacy/cookie-consent', { categories: NONE });
    expect(await hasConsent(t.deps, requestWith(visitorId), 'first-party-analytics')).toBe(false);
  });

  it('[COOK-4] an email carries a tracking pixel, and an open is counted, only for a recipient who allowed analytics', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const userId = await userIdOf(visitor.email);
    const opens = async () => (await t.deps.db.select().from(mailOpen).where(eq(mailOpen.userId, userId))).length;
    const open = async (file: string) => {
      const response = await client(t, newVisitor()).request('GET', `/api/privacy/pixel/${file}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/gif');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.rawPayload.subarray(0, 6).toString()).toBe('GIF89a');
    };

    expect(await mailPixelUrl(t.deps, userId, 'msg-1')).toBeNull();
    await open(pixelFile(t.deps.config, userId, 'msg-1'));
    expect(await opens()).toBe(0);

    await browser.request('POST', '/api/privacy/cookie-consent', { categories: ANALYTICS });
    const url = await mailPixelUrl(t.deps, userId, 'msg-2');
    expect(url).toMatch(/\/api\/privacy\/pixel\/[\w-]{40,}\.gif$/);
    expect(url).not.toContain(Buffer.from(userId).toString('base64url').slice(0, 12));
    await open(String(url).replace(t.deps.config.baseUrl, '').replace('/api/privacy/pixel/', ''));
    expect(await opens()).toBe(1);
    const genuine = pixelFile(t.deps.config, userId, 'msg-3');
    const forged = `${genuine.slice(0, 20)}${genuine[20] === 'A' ? 'B' : 'A'}${genuine.slice(21)}`;
    await open(forged);
    expect(await opens()).toBe(1);

    await browser.request('POST', '/api/privacy/cookie-consent', { categories: NONE });
    expect(await mailPixelUrl(t.deps, userId, 'msg-4')).toBeNull();
    await open(pixelFile(t.deps.config, userId, 'msg-2'));
    expect(await opens()).toBe(1);
  });
});
