import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-up', () => {
  it('[ACC-1] needs only an email address and a password', async () => {
    const visitor = newVisitor();
    const response = await client(t, visitor).signUp();
    expect(response.statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(users).where(eq(users.email, visitor.email));
    expect(row).toMatchObject({ email: visitor.email, name: '', phoneNumber: null, emailVerified: false });
  });

  it('[ACC-1] refuses a sign-up without a password, naming the field', async () => {
    const response = await client(t, newVisitor()).request('POST', '/api/auth/sign-up/email', { email: newVisitor().email });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
  });

  it('will not sign in before the address is verified, then does after the emailed link', async () => {
    const visitor = newVisitor();
    const browser = client(t, visitor);
    await browser.signUp();
    expect((await browser.signIn()).statusCode).toBe(403);
    const verified = await browser.verifyFromOutbox();
    expect(verified.statusCode).toBe(302);
    const account = await browser.request('GET', '/api/account');
    expect(account.statusCode).toBe(200);
    expect(account.json()).toMatchObject({ email: visitor.email, emailVerified: true });
  });

  it('answers a sign-up for a registered address exactly like a new one, and tells the owner', async () => {
    const visitor = newVisitor();
    const first = await client(t, visitor).signUp();
    const second = await client(t, { ...visitor, ip: newVisitor().ip }).signUp();
    const fresh = await client(t, newVisitor()).signUp();
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.body).toBe(first.body);
    expect(fresh.body).toBe(first.body);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const subjects = (await outboxFor(t, visitor.email)).map((m) => m.subject);
    expect(subjects).toContain('Someone tried to sign up with your address');
  });

  it('gives the same answer to a wrong password and an unknown address', async () => {
    const visitor = newVisitor();
    await client(t, visitor).register();
    const wrongPassword = await client(t, visitor).signIn('not-the-password-at-all');
    const unknown = await client(t, newVisitor()).signIn('not-the-password-at-all');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrongPassword.json().title).toBe(unknown.json().title);
  });
});
