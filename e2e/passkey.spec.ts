import { expect, request, test } from '@playwright/test';
import { BASE_URL, STAFF } from './support/env.ts';

/** The verification link the server left in the outbox for this address, read as staff would. */
async function verificationLink(email: string): Promise<string> {
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });
  expect((await api.post('/api/auth/sign-in/email', { data: { email: STAFF.email, password: STAFF.password } })).ok()).toBe(true);
  for (let attempt = 0; attempt < 50; attempt++) {
    const { messages } = await (await api.get('/api/staff/outbox?limit=200')).json();
    const message = messages.find((m: { recipient: string; text: string }) => m.recipient === email && m.text.includes('verify-email'));
    if (message) {
      await api.dispose();
      return message.text.match(/http\S+verify-email\S+/)[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no verification mail for ${email}`);
}

test('a passkey added in the account signs the user in without a password', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Chromium's virtual authenticator stands in for a fingerprint reader.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const email = `passkey.${Date.now()}@example.test`;
  await page.goto('/sign-up');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('passkey-user-Passw0rd');
  await page.getByRole('button', { name: /create/i }).click();
  await expect(page.getByText(/check your email/i).first()).toBeVisible();
  await page.goto(await verificationLink(email));
  await expect(page).toHaveURL(/\/account$/);

  await page.goto('/account/security');
  await page.getByLabel('Name for a new passkey').fill('Test laptop');
  await page.getByRole('button', { name: 'Add passkey' }).click();
  await expect(page.getByText('Test laptop')).toBeVisible();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email).first()).toBeVisible();
  await context.close();
});
