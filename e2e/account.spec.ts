import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { STAFF } from './support/env.ts';
import { shoot } from './support/shoot.ts';
import { totp } from './support/totp.ts';

const user = {
  email: `ada.${Date.now()}@example.test`,
  password: 'first-Passw0rd-ok',
  newPassword: 'second-Passw0rd-ok',
};
let totpSecret = '';
let lastTotpCounter = -1;

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

/** A code for the next TOTP step not used yet (a code is accepted once per step). */
async function freshTotp(): Promise<string> {
  let t = totp(totpSecret);
  if (t.counter <= lastTotpCounter) {
    const wait = (lastTotpCounter + 1) * 30_000 - Date.now() + 200;
    await new Promise((r) => setTimeout(r, wait));
    t = totp(totpSecret);
  }
  lastTotpCounter = t.counter;
  return t.code;
}

async function signIn(p: Page, email: string, password: string) {
  await p.goto('/sign-in');
  await p.getByLabel('Email address').fill(email);
  await p.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function staffOutbox(browser: Browser): Promise<{ ctx: BrowserContext; staff: Page }> {
  const ctx = await browser.newContext();
  const staff = await ctx.newPage();
  await signIn(staff, STAFF.email, STAFF.password);
  await expect(staff).toHaveURL(/\/account$/);
  await staff.goto('/staff/outbox');
  await expect(staff.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  return { ctx, staff };
}

test('[ACC-1] sign-up asks only for an email address and a password', async () => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'home');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  const inputs = page.locator('main form input:not([type=hidden])');
  await expect(inputs).toHaveCount(2);
  await shoot(page, 'sign-up');

  // A bad address is reported at the field, and focus goes there.
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email address')).toBeFocused();

  await page.getByLabel('Email address').fill(user.email);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await shoot(page, 'check-email');

  // Until the address is confirmed, sign-in is refused.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('alert')).toContainText(/confirm your email/i);
  await shoot(page, 'sign-in-unverified');

  // The password-reset pages, and an expired reset link.
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await shoot(page, 'forgot-password');
  await page.goto('/reset-password?error=INVALID_TOKEN');
  await expect(page.getByRole('heading', { level: 1, name: 'This link has expired' })).toBeVisible();
});

test('[ACC-1] the verification link from the staff outbox opens the new account', async ({ browser }) => {
  const { ctx, staff } = await staffOutbox(browser);
  const message = staff.getByTestId('outbox-message').filter({ hasText: user.email }).first();
  await expect(message).toBeVisible();
  const link = message.getByRole('link', { name: /verify-email/ }).first();
  const href = await link.getAttribute('href');
  expect(href).toContain('/api/auth/verify-email?token=');
  await shoot(staff, 'staff-outbox');
  await ctx.close();

  await page.goto(href as string);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByText(user.email).first()).toBeVisible();
  await expect(page.getByText('Confirmed', { exact: true })).toBeVisible();
  await shoot(page, 'account-profile');
});

test('[ACC-4] the user corrects their profile', async () => {
  await page.goto('/account');
  await page.getByLabel('Name').fill('Ada Lovelace');
  await page.getByLabel('Language').fill('de-AT');
  await page.getByLabel('Country').fill('at');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name')).toHaveValue('Ada Lovelace');
  await expect(page.getByLabel('Country')).toHaveValue('AT');

  // The staff console is not for customers.
  await page.goto('/staff/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
});

test('[ACC-3] news and surveys are separate opt-ins, off by default, and can be withdrawn', async () => {
  await page.goto('/account/preferences');
  const news = page.getByRole('switch', { name: 'News and offers' });
  const surveys = page.getByRole('switch', { name: 'Surveys' });
  await expect(news).not.toBeChecked();
  await expect(surveys).not.toBeChecked();
  await shoot(page, 'preferences');

  await news.check();
  await expect(page.getByText('Your choice is saved.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'News and offers' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Surveys' })).not.toBeChecked();

  await page.getByRole('switch', { name: 'News and offers' }).uncheck();
  await expect(page.getByText('Your choice is saved.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'News and offers' })).not.toBeChecked();
});

test('[ACC-4] the user turns on two-step sign-in with an authenticator app', async () => {
  await page.goto('/account/security');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign-in and security' })).toBeVisible();
  await shoot(page, 'security');

  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  await section.getByRole('textbox', { name: 'Your password', exact: true }).fill(user.password);
  await section.getByRole('button', { name: 'Set up authenticator app' }).click();
  const secret = section.getByTestId('totp-secret');
  await expect(secret).toHaveText(/^[A-Z2-7]{16,}$/);
  totpSecret = ((await secret.textContent()) ?? '').trim();
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(section.getByTestId('backup-codes').getByRole('listitem')).not.toHaveCount(0);
  await shoot(page, 'security-totp-setup');

  // A wrong code is refused at the field.
  await section.getByLabel('Code from your app').fill('000000');
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(section.getByLabel('Code from your app')).toHaveAttribute('aria-invalid', 'true');

  await section.getByLabel('Code from your app').fill(await freshTotp());
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(section.getByText('On', { exact: true })).toBeVisible();
});

test('[ACC-4] signing in then needs the password and a code from the app', async () => {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await shoot(page, 'two-factor');
  await page.getByLabel('Code from your authenticator app').fill(await freshTotp());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
});

test('[ACC-4] the user changes the password', async () => {
  await page.goto('/account/security');
  const section = page.getByRole('region', { name: 'Password' });
  await section.getByRole('textbox', { name: 'Current password', exact: true }).fill('not-my-password');
  await section.getByRole('textbox', { name: 'New password', exact: true }).fill(user.newPassword);
  await section.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(user.newPassword);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('textbox', { name: 'Current password', exact: true })).toHaveAttribute('aria-invalid', 'true');

  await section.getByRole('textbox', { name: 'Current password', exact: true }).fill(user.password);
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Your password is changed/)).toBeVisible();

  // The old password no longer works; the new one does (with the app's code).
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, user.email, user.newPassword);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel('Code from your authenticator app').fill(await freshTotp());
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test('[ACC-5] the user deletes the account and can no longer sign in', async ({ browser }) => {
  await page.goto('/account/delete');
  await expect(page.getByText('Your personal data is purged within 30 days.', { exact: false })).toBeVisible();
  await shoot(page, 'delete');

  await page.getByRole('textbox', { name: 'Your password', exact: true }).fill('not-my-password');
  await page.getByLabel(/I understand/).check();
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('textbox', { name: 'Your password', exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('textbox', { name: 'Your password', exact: true }).fill(user.newPassword);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
  await shoot(page, 'deleted');

  // Signed out here, and the account pages send the browser to sign-in.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, user.email, user.newPassword);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page).not.toHaveURL(/two-factor/);

  // The staff outbox shows the confirmation of the deletion.
  const { ctx, staff } = await staffOutbox(browser);
  await expect(staff.getByTestId('outbox-message').filter({ hasText: user.email }).filter({ hasText: /delet/i }).first()).toBeVisible();
  await ctx.close();
});
