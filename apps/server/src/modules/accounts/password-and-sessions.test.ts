import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, latestLink } from '../../testing/accounts-client.ts';
import { BASE_URL, createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('passwords and sessions', () => {
  it('[ACC-4] changes the password and ends the other sessions', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const other = client(t, visitor);
    await other.signIn();
    const changed = await browser.request('POST', '/api/auth/change-password', {
      currentPassword: visitor.password,
      newPassword: 'a-brand-new-password',
      revokeOtherSessions: true,
    });
    expect(changed.statusCode).toBe(200);
    expect((await other.request('GET', '/api/account')).statusCode).toBe(401);
    expect((await browser.request('GET', '/api/account')).statusCode).toBe(200);
    expect((await client(t, visitor).signIn()).statusCode).toBe(401);
    expect((await client(t, visitor).signIn('a-brand-new-password')).statusCode).toBe(200);
  });

  it('resets a forgotten password through the emailed link', async () => {
    const visitor = newVisitor();
    await client(t, visitor).register();
    const anonymous = client(t, visitor);
    expect((await anonymous.request('POST', '/api/auth/request-password-reset', { email: visitor.email, redirectTo: '/reset-password' })).statusCode).toBe(200);
    const link = await latestLink(t, visitor.email, '/api/auth/reset-password/');
    const followed = await anonymous.request('GET', link.replace(BASE_URL, ''));
    expect(followed.statusCode).toBe(302);
    const token = new URL(followed.headers.location as string, BASE_URL).searchParams.get('token');
    expect(token).toBeTruthy();
    expect((await anonymous.request('POST', '/api/auth/reset-password', { token, newPassword: 'reset-to-this-one' })).statusCode).toBe(200);
    expect((await client(t, visitor).signIn('reset-to-this-one')).statusCode).toBe(200);
    expect((await anonymous.request('POST', '/api/auth/reset-password', { token, newPassword: 'and-again-please' })).statusCode).toBe(400);
  });

  it('answers a reset request for an unknown address like a known one', async () => {
    const known = newVisitor();
    await client(t, known).register();
    const a = await client(t, known).request('POST', '/api/auth/request-password-reset', { email: known.email, redirectTo: '/reset-password' });
    const b = await client(t, newVisitor()).request('POST', '/api/auth/request-password-reset', { email: newVisitor().email, redirectTo: '/reset-password' });
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body).toBe(b.body);
  });

  it('lists the sessions and revokes one', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const laptop = client(t, visitor);
    await laptop.signIn();
    const list = await browser.request('GET', '/api/auth/list-sessions');
    expect(list.json()).toHaveLength(2);
    const laptopSession = (await laptop.request('GET', '/api/auth/get-session')).json().session;
    expect((await browser.request('POST', '/api/auth/revoke-session', { token: laptopSession.token })).statusCode).toBe(200);
    expect((await laptop.request('GET', '/api/account')).statusCode).toBe(401);
    expect((await browser.request('GET', '/api/auth/list-sessions')).json()).toHaveLength(1);
  });

  it('signs out', async () => {
    const browser = await client(t, newVisitor()).register();
    expect((await browser.request('POST', '/api/auth/sign-out', {})).statusCode).toBe(200);
    expect((await browser.request('GET', '/api/account')).statusCode).toBe(401);
  });
});
