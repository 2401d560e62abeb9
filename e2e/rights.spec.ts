import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { closeCookieBanner, mailedLink, newAdminApi } from './support/accounts.ts';
import { BASE_URL, STAFF } from './support/env.ts';
import { shoot } from './support/shoot.ts';

const stamp = Date.now();
const user = { email: `rights.${stamp}@example.test`, password: 'rights-user-Passw0rd' };
const dpo = { email: `dpo.${stamp}@example.test`, password: 'rights-dpo-Passw0rd' };
let userId = '';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

async function signIn(p: Page, email: string, password: string) {
  await p.goto('/sign-in');
  await p.getByLabel('Email address').fill(email);
  await p.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The files of a zip, read with nothing but node:zlib: its central directory names each entry. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  expect(end, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return files;
}

test('[RIGHT-1] a new user downloads their data from the rights centre', async () => {
  await page.goto('/sign-up');
  await closeCookieBanner(page);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto(await mailedLink(user.email, /http\S+verify-email\S+/));
  await expect(page).toHaveURL(/\/account$/);
  userId = (await (await page.request.get('/api/account')).json()).id;
  expect(userId).toBeTruthy();

  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Your data and privacy' }).click();
  await expect(page).toHaveURL(/\/account\/privacy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your data and privacy' })).toBeVisible();
  await expect(page.getByText('You have made no requests yet.')).toBeVisible();
  await shoot(page, 'rights-centre');

  const exportSection = page.getByRole('region', { name: 'Download my data' });
  await exportSection.getByRole('button', { name: 'Download my data' }).click();
  // The job runs in the server's pg-boss worker; the page polls its progress every 2 s.
  const downloadButton = exportSection.getByRole('button', { name: /^Download \(once, until .+\)$/ });
  await expect(exportSection.getByTestId('export-progress').or(downloadButton)).toBeVisible();
  await expect(downloadButton).toBeVisible({ timeout: 90_000 });
  // A reload finds the export waiting.
  await page.reload();
  await expect(downloadButton).toBeVisible();
  await shoot(page, 'rights-export-ready');

  const downloading = page.waitForEvent('download');
  await downloadButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^steward-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = readFileSync(await download.path());
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  const files = unzip(zip);
  expect(files.size).toBeGreaterThan(0);
  const everything = [...files.values()].map((b) => b.toString('utf8')).join('\n');
  expect(everything).toContain(user.email);

  await expect(exportSection.getByTestId('export-downloaded')).toContainText('Downloaded');
  await expect(downloadButton).toBeHidden();
  // The stored copy is gone: a second download is refused.
  const again = await page.request.get(`/api/privacy/exports/${(await (await page.request.get('/api/privacy/exports')).json()).exports[0].requestId}/download`);
  expect(again.status()).toBe(410);
});

test('[RIGHT-1] the user asks for a correction, restricts processing and objects', async () => {
  const correction = page.getByRole('region', { name: 'Ask for a correction' });
  await expect(correction.getByRole('link', { name: 'Profile page' })).toBeVisible();
  await correction.getByLabel('What is wrong').click();
  await page.getByRole('option', { name: 'Your email address', exact: true }).click();
  const text = 'My old address is still on file at the help desk; please use this one.';
  await correction.getByRole('textbox', { name: 'What it should be, and why' }).fill(text);
  await expect(correction.getByText(`${text.length} of 2000 characters`)).toBeVisible();
  await correction.getByRole('button', { name: 'Send the correction' }).click();
  await expect(correction.getByText('Your request is sent')).toBeVisible();

  const restriction = page.getByRole('region', { name: 'Restrict processing' });
  await restriction.getByRole('switch', { name: 'Restrict processing of my data' }).check();
  await expect(restriction.getByText(/Restricted since/)).toBeVisible();

  // While restricted, an opt-in on the Preferences page is refused with a way back here.
  await page.goto('/account/preferences');
  await page.getByRole('switch', { name: 'News and offers' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Processing of your data is restricted' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('switch', { name: 'News and offers' })).not.toBeChecked();
  await shoot(page, 'preferences-restricted');
  await alert.getByRole('link', { name: 'Your data and privacy' }).click();
  await expect(page).toHaveURL(/\/account\/privacy$/);

  const restrictSwitch = page.getByRole('region', { name: 'Restrict processing' }).getByRole('switch', { name: 'Restrict processing of my data' });
  await expect(restrictSwitch).toBeChecked();
  await restrictSwitch.uncheck();
  await expect(page.getByText('The restriction is lifted.')).toBeVisible();

  const objection = page.getByRole('region', { name: 'Object to processing' });
  await objection.getByRole('switch', { name: 'Object to surveys' }).check();
  await expect(page.getByText('Your objection is recorded; the processing has stopped.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Object to surveys' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Object to statistics' })).not.toBeChecked();

  const withdraw = page.getByRole('region', { name: 'Withdraw all consents' });
  await withdraw.getByRole('button', { name: 'Withdraw all consents' }).click();
  await page.getByRole('dialog', { name: 'Withdraw all consents?' }).getByRole('button', { name: 'Withdraw all' }).click();
  await expect(withdraw.getByText(/Withdrawn:|You had no consents to withdraw\./)).toBeVisible();

  const history = page.getByTestId('request-history');
  await expect(history.getByRole('row').filter({ hasText: 'Copy of my data' })).toBeVisible();
  const correctionRow = history.getByRole('row').filter({ hasText: 'Correction' });
  await expect(correctionRow).toContainText('Your email address');
  await expect(correctionRow).toContainText('Received');
  await expect(page.getByText(/Requests are free/)).toBeVisible();
  await shoot(page, 'rights-centre-history');
});

test('[RIGHT-4] a DPO sees the user’s open requests, extends one and records a disclosure', async ({ browser }) => {
  // The DPO: a new account that the admin from env.ts gives the dpo role.
  const admin = await newAdminApi();
  const signUp = await admin.post('/api/auth/sign-up/email', { data: { email: dpo.email, password: dpo.password, name: '', callbackURL: '/account' } });
  expect(signUp.ok(), await signUp.text()).toBe(true);
  const dpoCtx = await browser.newContext();
  const staff = await dpoCtx.newPage();
  await staff.goto(await mailedLink(dpo.email, /http\S+verify-email\S+/));
  await expect(staff).toHaveURL(/\/account$/);
  const dpoId = (await (await staff.request.get('/api/account')).json()).id;
  await admin.post('/api/auth/sign-in/email', { data: { email: STAFF.email, password: STAFF.password } });
  const setRole = await admin.post('/api/auth/admin/set-role', { data: { userId: dpoId, role: 'dpo' } });
  expect(setRole.ok(), await setRole.text()).toBe(true);
  await admin.dispose();

  // Signed in again, the session carries the new role.
  await staff.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(staff).toHaveURL(/\/$/);
  await signIn(staff, dpo.email, dpo.password);
  await expect(staff).toHaveURL(/\/account$/);
  await closeCookieBanner(staff);
  await staff.goto('/staff');
  await staff.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Privacy requests' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Privacy requests' })).toBeVisible();
  await expect(staff.getByText(/Viewing this queue is recorded in the audit log/)).toBeVisible();

  await staff.getByRole('textbox', { name: 'Person id' }).first().fill(userId);
  await staff.getByRole('button', { name: 'Filter' }).click();
  const later = staff.getByTestId('queue-later');
  const row = later.getByTestId('queue-item').filter({ hasText: 'Correction' });
  await expect(row).toContainText('My old address is still on file');
  await expect(row).toContainText(userId);
  await expect(staff.getByTestId('queue-overdue')).toContainText('Nothing is overdue.');
  await shoot(staff, 'staff-privacy-requests');

  // Extend: the date may be at most two months past the original deadline, and needs a reason.
  await row.getByRole('button', { name: 'Extend' }).click();
  const extend = staff.getByRole('dialog', { name: 'Extend the deadline' });
  const until = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  await extend.getByLabel('New deadline').fill(until);
  await extend.getByRole('textbox', { name: 'Reason' }).fill('short');
  await extend.getByRole('button', { name: 'Extend' }).click();
  await expect(extend.getByRole('textbox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');
  await expect(extend.getByText('The requester is emailed this reason.')).toBeVisible();
  await shoot(staff, 'staff-privacy-requests-extend', false);
  await extend.getByRole('textbox', { name: 'Reason' }).fill('We need to check the old address with the help desk team.');
  await extend.getByRole('button', { name: 'Extend' }).click();
  await expect(extend).toBeHidden();
  await expect(row).toContainText('Extended: We need to check the old address');

  // Refuse shows its warning; cancelled here.
  await row.getByRole('button', { name: 'Refuse' }).click();
  const refuse = staff.getByRole('dialog', { name: 'Refuse the request' });
  await expect(refuse.getByRole('radio', { name: 'Repetitive' })).toBeVisible();
  await expect(refuse.getByText(/may complain to the supervisory authority/)).toBeVisible();
  await refuse.getByRole('button', { name: 'Cancel' }).click();

  // Complete; a second completion of the same request is refused as already handled.
  const requestId = (await (await staff.request.get(`/api/staff/privacy-requests?limit=50&userId=${userId}`)).json()).requests.find(
    (r: { kind: string }) => r.kind === 'rectification',
  ).id;
  await row.getByRole('button', { name: 'Complete' }).click();
  await expect(staff.getByText(/request marked done/)).toBeVisible();
  await expect(later.getByTestId('queue-item').filter({ hasText: 'Correction' })).toHaveCount(0);
  const twice = await staff.request.post(`/api/staff/privacy-requests/${requestId}/complete`, { headers: { origin: BASE_URL } });
  expect(twice.status()).toBe(409);
  expect((await twice.json()).code).toBe('request-closed');

  // Only a DPO records disclosures.
  const disclosure = staff.getByRole('region', { name: 'Record disclosure' });
  await disclosure.getByRole('textbox', { name: 'Person id' }).fill(userId);
  await disclosure.getByRole('textbox', { name: 'Recipient' }).fill('Tax office Vienna');
  await disclosure.getByRole('textbox', { name: 'Legal basis' }).fill('Federal Fiscal Code § 143, order of 3 March');
  await disclosure.getByRole('checkbox', { name: 'Identity' }).check();
  await disclosure.getByRole('checkbox', { name: 'Contact details' }).check();
  await disclosure.getByRole('button', { name: 'Record disclosure' }).click();
  await expect(disclosure.getByText('Disclosure recorded')).toBeVisible();
  await dpoCtx.close();

  // The user sees the extension and its reason in their history.
  await page.reload();
  const history = page.getByTestId('request-history');
  const correctionRow = history.getByRole('row').filter({ hasText: 'Correction' });
  await expect(correctionRow).toContainText('We need to check the old address');
  await expect(correctionRow).toContainText('Done');
});

test('[RIGHT-1] the user erases their data, sees the report, and cannot sign in again', async ({ browser }) => {
  await page.goto('/account/privacy');
  const erase = page.getByRole('region', { name: 'Erase my data' });
  await erase.getByRole('button', { name: 'Erase my data now' }).click();
  await expect(erase.getByRole('textbox', { name: 'Type ERASE to confirm' })).toHaveAttribute('aria-invalid', 'true');
  await erase.getByRole('textbox', { name: 'Type ERASE to confirm' }).fill('ERASE');
  await erase.getByRole('button', { name: 'Erase my data now' }).click();
  // The session is older than 10 minutes when the run is slow: the page then asks for the password.
  const confirm = page.getByRole('dialog', { name: 'Confirm it is you' });
  await expect(page.getByRole('heading', { level: 1, name: 'Erasure report' }).or(confirm)).toBeVisible({ timeout: 30_000 });
  if (await confirm.isVisible()) {
    await confirm.getByLabel('Your password').fill(user.password);
    await confirm.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Erasure report' })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/privacy\/erasure-report\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Your data is erased')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Erased' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kept, and until when' })).toContainText('Consent records');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await shoot(page, 'erasure-report-after');

  // The mailed link opens the same report without a session; a wrong token does not.
  const link = await mailedLink(user.email, /http\S+\/privacy\/erasure-report\/\S+/);
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Erasure report' })).toBeVisible();
  await closeCookieBanner(visitor);
  await expect(visitor.getByRole('table', { name: 'Kept, and until when' })).toBeVisible();
  await shoot(visitor, 'erasure-report-link');
  await visitor.goto(link.replace(/token=[^&]+/, `token=${'x'.repeat(43)}`));
  await expect(visitor.getByRole('alert')).toContainText('This link is not valid');
  await other.close();

  await signIn(page, user.email, user.password);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
