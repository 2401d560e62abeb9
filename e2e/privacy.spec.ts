import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Locator, type Page, type Response, test } from '@playwright/test';
import { STAFF } from './support/env.ts';
import { shoot } from './support/shoot.ts';

interface PolicyCookie {
  name: string;
  strictlyNecessary: boolean;
}
interface Policy {
  hash: string;
  document: {
    services: { id: string; name: string }[];
    automatedDecisions: { measures: { id: string }[] };
    cookies: { cookies: PolicyCookie[]; categories: { id: string; strictlyNecessary: boolean }[] };
  };
}

async function currentPolicy(request: APIRequestContext): Promise<Policy> {
  const res = await request.get('/api/privacy/policy');
  expect(res.ok()).toBe(true);
  return (await res.json()) as Policy;
}

/** The names of every cookie that any response of the page tried to set. */
function watchSetCookies(page: Page): { names: () => Promise<string[]> } {
  const pending: Promise<string[]>[] = [];
  page.on('response', (res: Response) => {
    pending.push(
      res
        .headersArray()
        .then((headers) => headers.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value.split('=', 1)[0].trim()))
        .catch(() => []),
    );
  });
  return { names: async () => (await Promise.all(pending)).flat() };
}

/** The value of the analytics-consent header of every page-view beacon the page sent. */
function watchBeacons(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/stats/events') seen.push(req.headers()['x-steward-analytics-consent'] ?? '(none)');
  });
  return seen;
}

/** Flips a switch as a person does, by its track: the input itself is hidden under it. */
async function flip(sw: Locator) {
  await sw.locator('xpath=..').click();
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookie choice' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' });

test('[COOK-1] a fresh visitor who refuses all gets only strictly necessary cookies', async ({ browser, request }) => {
  const policy = await currentPolicy(request);
  const allowed = policy.document.cookies.cookies.filter((c) => c.strictlyNecessary).map((c) => c.name);
  expect(allowed.length).toBeGreaterThan(0);

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const setCookies = watchSetCookies(page);
  const beacons = watchBeacons(page);

  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(
    "We use strictly necessary cookies to sign you in and keep the site secure. With your consent we'd also use others.",
  );
  await expect(banner(page).getByRole('link', { name: /privacy policy/i })).toHaveAttribute('href', '/privacy#cookies');
  for (const name of ['Accept all', 'Refuse all', 'Choose…']) await expect(banner(page).getByRole('button', { name })).toBeVisible();
  // Refusing is as prominent as accepting: the same size and the same look.
  const accept = await banner(page).getByRole('button', { name: 'Accept all' }).boundingBox();
  const refuse = await banner(page).getByRole('button', { name: 'Refuse all' }).boundingBox();
  expect(refuse?.width).toBeCloseTo(accept?.width ?? 0, 0);
  expect(refuse?.height).toBeCloseTo(accept?.height ?? 0, 0);
  const look = (name: string) =>
    banner(page)
      .getByRole('button', { name })
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.backgroundColor} ${s.color} ${s.fontWeight} ${s.fontSize}`;
      });
  expect(await look('Refuse all')).toBe(await look('Accept all'));
  await shoot(page, 'cookie-banner');

  // The banner blocks nothing: the site works without a choice.
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /sign in/i })).toBeVisible();
  await expect(banner(page)).toBeVisible();

  await banner(page).getByRole('button', { name: 'Refuse all' }).click();
  await expect(banner(page)).toBeHidden();
  await expect(page.getByText('Your choice is saved').first()).toBeVisible();

  // A little browsing after the choice, and the choice survives a reload.
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await page.goto('/sign-up');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner(page)).toBeHidden();

  const inDocument = await page.evaluate(() =>
    document.cookie
      .split(';')
      .map((c) => c.split('=', 1)[0].trim())
      .filter(Boolean),
  );
  const inJar = (await ctx.cookies()).map((c) => c.name);
  const fromHeaders = await setCookies.names();
  for (const name of inDocument) expect(allowed, `document.cookie has ${name}`).toContain(name);
  for (const name of fromHeaders) expect(allowed, `a response set ${name}`).toContain(name);
  for (const name of inJar) expect(allowed, `the browser holds ${name}`).toContain(name);
  // The choice itself is remembered, under the strictly necessary consent cookie.
  expect(fromHeaders).toContain('steward_consent');
  // Without analytics consent no page-view beacon is sent at all.
  expect(beacons).toEqual([]);
  await ctx.close();
});

test('[COOK-3] "Cookie settings" in the footer reopens the dialog, and a withdrawal sticks after reload', async ({ browser, request }) => {
  const policy = await currentPolicy(request);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const beacons = watchBeacons(page);

  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Choose…' }).click();
  await expect(dialog(page)).toBeVisible();

  // Every category of the policy; the strictly necessary ones locked on, the others off.
  const categories = policy.document.cookies.categories;
  expect(categories).toHaveLength(8);
  await expect(dialog(page).getByTestId(/^cookie-category-/)).toHaveCount(8);
  await expect(dialog(page).getByText('Always on', { exact: true })).toHaveCount(categories.filter((c) => c.strictlyNecessary).length);
  const switches = dialog(page).getByRole('switch');
  await expect(switches).toHaveCount(5);
  for (const s of await switches.all()) await expect(s).not.toBeChecked();

  // Each category opens to its cookies.
  await dialog(page)
    .getByTestId('cookie-category-authentication')
    .getByRole('button', { name: /^Show the 4 cookies/ })
    .click();
  await expect(dialog(page).getByText('better-auth.session_token', { exact: true })).toBeVisible();
  await expect(dialog(page).getByText('Lasts: 7 days').first()).toBeVisible();
  await shoot(page, 'cookie-dialog');

  // Allow analytics only.
  await flip(dialog(page).getByRole('switch', { name: 'First-party analytics' }));
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  await expect(dialog(page).getByText('Your choice is saved')).toBeVisible();
  const proof = dialog(page).getByRole('link', { name: 'Download proof of my choices' }).first();
  await expect(proof).toHaveAttribute('href', '/api/privacy/cookie-consent/proof');
  const [download] = await Promise.all([page.waitForEvent('download'), proof.click()]);
  const records = JSON.parse(readFileSync(await download.path(), 'utf8')).records as { purpose: string; granted: boolean }[];
  expect(records.find((r) => r.purpose === 'cookie:first-party-analytics')?.granted).toBe(true);
  expect(records.find((r) => r.purpose === 'cookie:third-party-advertising')?.granted).toBe(false);
  await shoot(page, 'cookie-dialog-saved');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(banner(page)).toBeHidden();

  // With analytics consent the page-view beacon runs, and says so.
  await page.getByRole('link', { name: 'Privacy policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await expect.poll(() => beacons.length).toBeGreaterThan(0);
  expect(new Set(beacons)).toEqual(new Set(['granted']));

  // Withdraw from the footer: as easy as giving.
  await page.locator('footer').getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toBeVisible();
  const analytics = dialog(page).getByRole('switch', { name: 'First-party analytics' });
  await expect(analytics).toBeChecked();
  await flip(analytics);
  await expect(analytics).not.toBeChecked();
  await dialog(page).getByRole('button', { name: 'Save choices' }).click();
  await expect(dialog(page).getByText('Your choice is saved')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await expect(banner(page)).toBeHidden();
  const sent = beacons.length;
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(500);
  expect(beacons.length, 'no beacon after the withdrawal').toBe(sent);

  await page.locator('footer').getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page).getByRole('switch', { name: 'First-party analytics' })).not.toBeChecked();
  for (const s of await dialog(page).getByRole('switch').all()) await expect(s).not.toBeChecked();
  await ctx.close();
});

test('[PRIN-6] /privacy shows every service, and a version from the list opens', async ({ page, request }) => {
  const policy = await currentPolicy(request);
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Refuse all' }).click();
  await expect(banner(page)).toBeHidden();

  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await expect(page.getByTestId('policy-version')).toHaveText(`Version ${policy.hash.slice(0, 8)}`);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  for (const name of ['Processors', 'Your rights', 'Complaints', 'Automated decisions', 'Cookies', 'Older versions'])
    await expect(contents.getByRole('link', { name })).toBeVisible();

  await expect(page.getByTestId('policy-service')).toHaveCount(policy.document.services.length);
  for (const service of policy.document.services) await expect(page.getByRole('heading', { level: 3, name: service.name, exact: true })).toBeVisible();
  for (const heading of ['Processors', 'Your rights', 'Complaints', 'Automated decisions', 'Cookies', 'Older versions'])
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  // PRIN-3: where the data stays.
  await expect(page.getByTestId('processing-region')).toContainText('stays there');
  // PRIN-5: each automated measure is listed with the person who can undo it.
  await expect(page.getByTestId('automated-measures').locator('dt')).toHaveCount(policy.document.automatedDecisions.measures.length);
  for (const cookie of policy.document.cookies.cookies) await expect(page.getByTestId('cookie-table').getByText(cookie.name, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Use your rights in your account' })).toHaveAttribute('href', '/account/privacy');

  // The contents link jumps to its section; the section's button opens the cookie settings.
  await contents.getByRole('link', { name: 'Cookies' }).click();
  await expect(page).toHaveURL(/\/privacy#cookies$/);
  await page.locator('#cookies').getByRole('button', { name: 'Cookie settings' }).click();
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'privacy');

  const versions = page.getByTestId('policy-versions').getByRole('link');
  expect(await versions.count()).toBeGreaterThanOrEqual(1);
  const target = versions.last();
  const href = (await target.getAttribute('href')) as string;
  expect(href).toMatch(/^\/privacy\/[0-9a-f]{64}$/);
  const hash = href.split('/').pop() as string;
  await target.click();
  await expect(page).toHaveURL(new RegExp(`/privacy/${hash}$`));
  await expect(page.getByTestId('policy-version')).toHaveText(`Version ${hash.slice(0, 8)}`);
  await expect(page.getByTestId('policy-service').first()).toBeVisible();
  if (hash !== policy.hash) {
    await expect(page.getByText('This is an older version; see the current policy.')).toBeVisible();
    await page.getByRole('link', { name: 'the current policy' }).click();
    await expect(page).toHaveURL(/\/privacy$/);
  } else {
    await expect(page.getByText('This is an older version')).toHaveCount(0);
  }
  await page.goto(href);
  await expect(page.getByTestId('policy-version')).toHaveText(`Version ${hash.slice(0, 8)}`);
  await shoot(page, 'privacy-version');

  // An unknown version says so, and leads back to the current policy.
  await page.goto(`/privacy/${'0'.repeat(64)}`);
  await expect(page.getByRole('alert')).toContainText('This version of the policy could not be found');
  await expect(page.getByRole('link', { name: 'Read the current policy.' })).toBeVisible();
});

test('staff: retention, statistics and the audit log; preferences name their policy version', async ({ page }) => {
  await page.goto('/sign-in');
  await banner(page).getByRole('button', { name: 'Refuse all' }).click();
  await expect(banner(page)).toBeHidden();
  await page.getByLabel('Email address').fill(STAFF.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(STAFF.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);

  // Preferences name the policy version the choices are given under.
  await page.goto('/account/preferences');
  const notice = page.getByTestId('notice-version');
  await expect(notice).toContainText('Given under policy version');
  const versionHref = (await notice.getByRole('link').getAttribute('href')) as string;
  expect(versionHref).toMatch(/^\/privacy\/[0-9a-f]{64}$/);
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(versionHref);
  await expect(page.getByTestId('policy-version')).toBeVisible();

  await page.goto('/staff/retention');
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Staff console' });
  for (const name of ['Outbox', 'Retention', 'Statistics', 'Audit log']) await expect(nav.getByRole('link', { name })).toBeVisible();
  const report = (await (await page.request.get('/api/staff/retention')).json()) as { rules: { rule: string }[] };
  await expect(page.getByTestId('retention-table').locator('tbody tr')).toHaveCount(report.rules.length);
  for (const { rule } of report.rules) await expect(page.getByTestId('retention-table').getByText(rule, { exact: true })).toBeVisible();
  const dueAlign = await page
    .getByTestId('retention-table')
    .locator('tbody tr')
    .first()
    .locator('td')
    .nth(1)
    .evaluate((el) => getComputedStyle(el).textAlign);
  expect(dueAlign).toBe('right');
  await shoot(page, 'staff-retention');

  await nav.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
  await expect(page.getByTestId('stats-chart')).toBeVisible();
  await expect(page.getByTestId('stats-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('stats-table').or(page.getByTestId('stats-empty'))).toBeVisible();
  await page.getByText('Last 7 days', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Last 7 days' })).toBeChecked();
  await expect(page.getByTestId('stats-chart')).toBeVisible();
  await shoot(page, 'staff-stats');

  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('chain-badge')).toHaveText(/^Chain verified \(\d+ entries\)$/);
  const rows = page.getByTestId('audit-entry');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('audit.read');
  // Filtering by the actor keeps only that actor's entries.
  const actor = (await rows.first().locator('td').nth(2).innerText()).trim();
  await rows.first().getByRole('button', { name: actor }).click();
  await expect(page.getByLabel('Actor (staff user id)')).toHaveValue(actor);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator('td').nth(2)).toHaveText(actor);
  await shoot(page, 'staff-audit');
});
