import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { BASE_URL, STAFF } from './env.ts';

/** The cookie banner covers the bottom of the page; refuse optional cookies to close it. */
export async function closeCookieBanner(p: Page) {
  const banner = p.getByRole('region', { name: 'Cookie choice' });
  if (await banner.isVisible().catch(() => false)) {
    await banner.getByRole('button', { name: 'Refuse all' }).click();
    await expect(banner).toBeHidden();
    // Its confirmation toast would cover the top of the screenshots.
    await expect(p.getByText('Your choice is saved')).toBeHidden({ timeout: 15_000 });
  }
}

let admin: Promise<APIRequestContext> | undefined;

/** A client of its own signed in as the admin, for a test that signs other people up with it; the test disposes it. */
export async function newAdminApi(): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });
  expect((await api.post('/api/auth/sign-in/email', { data: { email: STAFF.email, password: STAFF.password } })).ok()).toBe(true);
  return api;
}

/**
 * An API client signed in as the admin from env.ts, one per worker: reading the outbox for every mailed link used to
 * sign in each time, which on a fast machine passed the sign-in limit of 10 a minute per address. Not to be disposed,
 * nor used to sign anyone else in (`newAdminApi` is for that).
 */
export function adminApi(): Promise<APIRequestContext> {
  admin ??= newAdminApi().catch((error) => {
    admin = undefined;
    throw error;
  });
  return admin;
}

/** The first link in a message the server left in the outbox for this address, read as staff would. */
export async function mailedLink(email: string, pattern: RegExp): Promise<string> {
  const api = await adminApi();
  for (let attempt = 0; attempt < 100; attempt++) {
    const { messages } = await (await api.get('/api/staff/outbox?limit=200')).json();
    for (const m of messages as { recipient: string; text: string }[]) {
      const found = m.recipient === email ? m.text.match(pattern) : null;
      if (found) return found[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail for ${email} matching ${pattern}`);
}

/** A new account made through the sign-up page and confirmed by the mailed link; ends on /account. */
export async function signUpAndVerify(p: Page, email: string, password: string) {
  await p.goto('/sign-up');
  await closeCookieBanner(p);
  await p.getByLabel('Email address').fill(email);
  await p.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await p.getByRole('button', { name: 'Create account' }).click();
  await expect(p.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await p.goto(await mailedLink(email, /http\S+verify-email\S+/));
  await expect(p).toHaveURL(/\/account$/);
}
