import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, latestLink } from '../../testing/accounts-client.ts';
import { BASE_URL, createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('account profile', () => {
  it('[ACC-4] lets the user review and correct name, language and country', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const updated = await browser.request('PATCH', '/api/account', { name: 'Ada Lovelace', language: 'de-AT', country: 'at' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Ada Lovelace', language: 'de-AT', country: 'AT', email: visitor.email });
    expect((await browser.request('GET', '/api/account')).json()).toMatchObject({ name: 'Ada Lovelace', country: 'AT' });
  });

  it.each([
    ['an unknown field', { nickname: 'x' }, 'nickname'],
    ['a wrong type', { name: 42 }, 'name'],
    ['a name that is too long', { name: 'x'.repeat(201) }, 'name'],
    ['a malformed country', { country: 'Austria' }, 'country'],
    ['a malformed language', { language: 'english please' }, 'language'],
  ])('refuses %s with problem+json naming the field', async (_label, body, field) => {
    const browser = await client(t, newVisitor()).register();
    const response = await browser.request('PATCH', '/api/account', body);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ field })] });
  });

  it('refuses a body that is not JSON without a 500', async () => {
    const browser = await client(t, newVisitor()).register();
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: { cookie: browser.cookie, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses an anonymous caller on every account endpoint', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/account', undefined],
      ['PATCH', '/api/account', { name: 'x' }],
      ['GET', '/api/account/preferences', undefined],
      ['PUT', '/api/account/preferences', { news: true, surveys: false }],
      ['POST', '/api/account/deletion', { password: 'whatever-password' }],
    ] as const) {
      const response = await client(t, newVisitor()).request(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it('shows each user only their own account; another user cannot change it', async () => {
    const alice = newVisitor();
    const bob = newVisitor();
    const aliceBrowser = await client(t, alice).register();
    const bobBrowser = await client(t, bob).register();
    await bobBrowser.request('PATCH', '/api/account', { name: 'Bob' });
    expect((await aliceBrowser.request('GET', '/api/account')).json()).toMatchObject({ email: alice.email, name: '' });
    expect((await bobBrowser.request('GET', '/api/account')).json()).toMatchObject({ email: bob.email, name: 'Bob' });
  });
});

describe('changing the email address', () => {
  it('[ACC-4] needs approval from the old address and verification of the new one', async () => {
    const visitor = newVisitor();
    const newEmail = newVisitor().email;
    const browser = await client(t, visitor).register();
    expect((await browser.request('POST', '/api/auth/change-email', { newEmail, callbackURL: '/account' })).statusCode).toBe(200);
    expect((await browser.request('GET', '/api/account')).json().email).toBe(visitor.email);

    const approve = await latestLink(t, visitor.email, '/api/auth/verify-email', 'Approve the change of your email address');
    await browser.request('GET', approve.replace(BASE_URL, ''));
    const verify = await latestLink(t, newEmail, '/api/auth/verify-email');
    await browser.request('GET', verify.replace(BASE_URL, ''));
    expect((await browser.request('GET', '/api/account')).json()).toMatchObject({ email: newEmail, emailVerified: true });
  });
});
