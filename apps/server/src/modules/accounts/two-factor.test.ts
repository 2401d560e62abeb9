import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessage } from '../../platform/notify/schema.ts';
import { client, outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { totp } from '../../testing/totp.ts';
import { users } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function smsTo(phone: string) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return t.deps.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, phone));
}

describe('second factor', () => {
  it('TOTP: enabling asks for a code, then sign-in needs one', async () => {
    const visitor = newVisitor();
    const browser = await client(t, visitor).register();
    const enabled = await browser.request('POST', '/api/auth/two-factor/enable', { password: visitor.password });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json();
    expect(backupCodes).toHaveLength(10);
    const secret = new URL(totpURI).searchParams.get('secret') as string;
    expect((await browser.request('POST', '/api/auth/two-factor/verify-totp', { code: totp(secret) })).statusCode).toBe(200);

    const again = client(t, visitor);
    const first = await again.signIn();
    expect(first.json().twoFactorRedirect).toBe(true);
    expect((await again.request('GET', '/api/account')).statusCode).toBe(401);
    expect((await again.request('POST', '/api/auth/two-factor/verify-totp', { code: '000000' })).statusCode).toBe(401);
    expect((await again.request('POST', '/api/auth/two-factor/verify-totp', { code: totp(secret) })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/account')).json()).toMatchObject({ email: visitor.email, twoFactorEnabled: true });

    const withBackup = client(t, visitor);
    await withBackup.signIn();
    expect((await withBackup.request('POST', '/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] })).statusCode).toBe(200);
  });

  it('[ACC-2] a phone number is optional, verified by an SMS code, and used only to send sign-in codes', async () => {
    const visitor = newVisitor();
    const phone = `+4367${Math.floor(Math.random() * 1e8)}`;
    const browser = await client(t, visitor).register();
    expect((await browser.request('GET', '/api/account')).json().phoneNumber).toBeNull();

    expect((await browser.request('POST', '/api/auth/phone-number/send-otp', { phoneNumber: phone })).statusCode).toBe(200);
    const [sms] = await smsTo(phone);
    const code = sms.body.match(/\d{6}/)?.[0];
    const verified = await browser.request('POST', '/api/auth/phone-number/verify', { phoneNumber: phone, code, updatePhoneNumber: true });
    expect(verified.statusCode).toBe(200);
    expect((await browser.request('GET', '/api/account')).json()).toMatchObject({ phoneNumber: phone, phoneNumberVerified: true });

    await browser.request('POST', '/api/auth/two-factor/enable', { password: visitor.password });
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, visitor.email));
    await t.deps.db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, user.id));

    const signIn = client(t, visitor);
    await signIn.signIn();
    const emailsBefore = (await outboxFor(t, visitor.email)).length;
    expect((await signIn.request('POST', '/api/auth/two-factor/send-otp', {})).statusCode).toBe(200);
    const messages = await smsTo(phone);
    expect(messages).toHaveLength(2);
    const otp = messages
      .map((m) => m.body)
      .find((b) => b.includes('sign-in code'))
      ?.match(/\d{6}/)?.[0];
    expect((await signIn.request('POST', '/api/auth/two-factor/verify-otp', { code: otp })).statusCode).toBe(200);
    expect(await outboxFor(t, visitor.email)).toHaveLength(emailsBefore);
    // Nothing but the verification code and the sign-in code ever went to the number.
    expect(messages.every((m) => /verification code|sign-in code/.test(m.body))).toBe(true);
  });

  it('refuses a phone number that is not in international form', async () => {
    const browser = await client(t, newVisitor()).register();
    const response = await browser.request('POST', '/api/auth/phone-number/send-otp', { phoneNumber: '0664 123' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
