import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { closeCookieBanner, signUpAndVerify } from './support/accounts.ts';
import { BASE_URL, STAFF } from './support/env.ts';
import { shoot } from './support/shoot.ts';

const stamp = Date.now();
const user = { email: `mail.${stamp}@example.test`, password: 'mail-user-Passw0rd' };
// A long address, as real shared mailboxes have, to see that it wraps on a phone.
const mailbox = `accounts-payable.department.${stamp}@mail.example-organisation.test`;
const notice = {
  subject: `Scanning delayed in the EU region ${stamp}`,
  text: 'Between 14:00 and 15:00 UTC new messages are scanned with a delay of up to 20 minutes.',
};
/** The EICAR anti-malware test file, which every scanner reports and which harms nothing. */
const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;
const PHISHING = 'https://login-verify.steward-test.invalid/reset';
/** The scan job runs every minute in the server. */
const SCAN_WAIT = 130_000;

// Buying, connecting and waiting for the scan job twice: more than the default two minutes.
test.describe.configure({ mode: 'serial', timeout: 360_000 });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

/** Closes the confirmations at the top of the page, which would cover the screenshots. */
async function dismissToasts(p: Page) {
  for (const close of await p.locator('.mantine-Notification-closeButton').all()) await close.click().catch(() => undefined);
  await expect(p.locator('.mantine-Notification-root')).toHaveCount(0);
}

/** The test provider receives a message for the mailbox, as mail arrives; anyone may send one. */
async function deliver(item: { text?: string; files?: { name: string; contentBase64: string }[] }) {
  const res = await page.request.post(`/api/mail-protection/test-provider/mailboxes/${encodeURIComponent(mailbox)}/items`, {
    data: item,
    headers: { origin: BASE_URL },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Reloads the page until the scan job has found what `check` waits for. */
async function untilScanned(check: (connection: Locator) => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check(connection());
  }).toPass({ timeout: SCAN_WAIT, intervals: [5_000] });
}

const license = () => page.getByRole('article', { name: 'Steward Mail Protection' });
const connection = () => page.getByRole('article', { name: mailbox });

async function openMailProtection() {
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Mail protection' }).click();
  await expect(page).toHaveURL(/\/account\/mail-protection$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mail protection' })).toBeVisible();
}

/** Connect a mailbox: the browser leaves for the provider's consent page. */
async function toConsentPage() {
  await license()
    .getByRole('button', { name: /^Connect a mailbox/ })
    .click();
  await expect(page).toHaveURL(/\/api\/mail-protection\/test-provider\/authorize\?/);
  await expect(page.getByRole('heading', { name: 'Test mail provider' })).toBeVisible();
}

test('[MAIL-1] a customer with Mail Protection connects a mailbox through the provider’s consent page; Deny connects nothing', async () => {
  await signUpAndVerify(page, user.email, user.password);
  await closeCookieBanner(page);

  // Without a license the page says where to get one.
  await openMailProtection();
  await expect(page.getByText('You have no license with mail or file protection')).toBeVisible();
  await expect(page.getByTestId('no-protection').getByRole('link', { name: 'Go to your licenses' })).toHaveAttribute('href', '/account/licenses');
  await expect(page.getByTestId('what-is-kept')).toContainText('never stored');
  await expect(page.getByTestId('what-is-kept')).toContainText('90 days');
  await expect(page.getByTestId('what-is-kept')).toContainText('six months after its license ended');

  // The license is bought at the built-in test store.
  await page.goto('/account/purchases');
  await page.getByRole('button', { name: 'Buy Steward Mail Protection, 1 year, 1 device' }).click();
  await expect(page).toHaveURL(/\/api\/store\/test\/checkout\//);
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill(String(new Date().getFullYear() + 3));
  await page.getByRole('button', { name: /^Pay 24\.95 EUR$/ }).click();
  await expect(page).toHaveURL(/\/account\/purchases/);
  await expect(page.getByTestId('orders').getByRole('row').filter({ hasText: 'Steward Mail Protection' })).toContainText('Paid');

  await openMailProtection();
  await expect(license()).toContainText('1 year, 1 device');
  await expect(license().getByText('Active', { exact: true })).toBeVisible();
  await expect(license().getByTestId('mail-seats')).toHaveText('0 of 1 seat');
  await expect(license().getByText('Nothing is connected to this license yet.')).toBeVisible();

  // Automatic setup: the administrator's sign-in goes to the provider once and is never saved, nor kept in the form.
  const setup = license().getByRole('region', { name: 'Automatic setup' });
  await expect(setup).toContainText('hands the sign-in to the provider once');
  await expect(setup).toContainText('never saves it');
  const password = setup.getByLabel('Administrator’s password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveAttribute('autocomplete', 'off');
  await setup.getByRole('textbox', { name: 'Administrator’s sign-in' }).fill(`admin@org-${stamp}.example.test`);
  await password.fill('not-the-administrator-password');
  await setup.scrollIntoViewIfNeeded();
  await shoot(page, 'mail-protection-automatic-setup');
  await setup.getByRole('button', { name: 'Connect all mailboxes' }).click();
  await expect(setup.getByRole('alert')).toContainText('The provider did not accept this administrator sign-in');
  await expect(setup.getByRole('textbox', { name: 'Administrator’s sign-in' })).toHaveValue('');
  await expect(password).toHaveValue('');
  await expect(license().getByTestId('mail-seats')).toHaveText('0 of 1 seat');

  // Deny on the provider's page: back on Steward, nothing is connected and the page says why.
  await toConsentPage();
  await expect(page.getByText('read the messages in your mailbox')).toBeVisible();
  await page.getByLabel('Your mailbox or file store').fill(mailbox);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page).toHaveURL(/\/account\/mail-protection$/);
  await expect(page.getByTestId('consent-outcome')).toContainText('access was denied');
  await expect(license().getByTestId('mail-seats')).toHaveText('0 of 1 seat');
  await expect(connection()).toHaveCount(0);
  await shoot(page, 'mail-protection-denied', false);
  // Shown once: a reload does not say it again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mail protection' })).toBeVisible();
  await expect(page.getByTestId('consent-outcome')).toHaveCount(0);

  // Allow: the mailbox is connected and takes the license's one seat.
  await toConsentPage();
  await shoot(page, 'mail-protection-consent');
  await page.getByLabel('Your mailbox or file store').fill(mailbox);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(/\/account\/mail-protection$/);
  await expect(page.getByTestId('consent-outcome')).toContainText(`${mailbox} is protected now`);
  await expect(connection()).toContainText('Mailbox at Test mail provider');
  await expect(connection().getByTestId('connection-status')).toHaveText('Protected');
  await expect(license().getByTestId('mail-seats')).toHaveText('1 of 1 seat');
  // No seat is free: connecting another is refused here, with the reason.
  await expect(license().getByRole('button', { name: /^Connect a mailbox/ })).toBeDisabled();
  await expect(license().getByTestId('connect-blocked')).toContainText('Its one seat protects a mailbox or file store already');
});

test('[MAIL-2] a message with the EICAR test file is found by the scan job and listed under Recent threats and in the 30-day counts', async () => {
  await deliver({ text: `Hello, the minutes of Monday’s meeting are below. ${stamp}` });
  await deliver({
    text: 'Please find the invoice attached.',
    files: [{ name: 'invoice.com', contentBase64: Buffer.from(EICAR).toString('base64') }],
  });
  await untilScanned(async (c) => {
    await expect(c.getByTestId('threat')).toHaveCount(1, { timeout: 1_000 });
  });
  const threat = connection().getByTestId('threat');
  await expect(threat).toContainText('EICAR-Test-File');
  // Found with the default settings: quarantined at the provider.
  await expect(threat).toContainText('Quarantined');
  await expect(threat.getByText(/^item-\d+-[0-9a-f]+$/)).toBeVisible();
  await expect(connection().getByTestId('scanned-30-days')).toHaveText('2');
  await expect(connection().getByTestId('threats-30-days')).toHaveText('1');
  await expect(connection().getByText('Not yet')).toHaveCount(0);

  // The customer only wants threats tagged from now on.
  const settings = connection().getByRole('form', { name: `Protection settings of ${mailbox}` });
  await expect(settings.getByRole('switch', { name: 'Scan attachments' })).toBeChecked();
  await expect(settings.getByRole('switch', { name: 'Scan links' })).toBeChecked();
  await expect(settings.getByRole('switch', { name: 'Pause scanning' })).not.toBeChecked();
  await settings.getByRole('combobox', { name: 'When a threat is found' }).click();
  await page.getByRole('option', { name: 'Tag', exact: true }).click();
  await expect(settings).toContainText('label it “Steward: threat”');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(`The settings of ${mailbox} are saved.`)).toBeVisible();
  await page.reload();
  await expect(settings.getByRole('combobox', { name: 'When a threat is found' })).toHaveValue('Tag');
  await expect(settings.getByRole('button', { name: 'Save settings' })).toBeDisabled();

  // The next threat, a phishing link, is tagged rather than quarantined.
  await deliver({ text: `Your password expires today. Keep it at ${PHISHING}` });
  await untilScanned(async (c) => {
    await expect(c.getByTestId('threat')).toHaveCount(2, { timeout: 1_000 });
  });
  await expect(connection().getByTestId('threat').first()).toContainText('Phishing-Link');
  await expect(connection().getByTestId('threat').first()).toContainText('Tagged');
  await expect(connection().getByTestId('scanned-30-days')).toHaveText('3');
  await expect(connection().getByTestId('threats-30-days')).toHaveText('2');
  await dismissToasts(page);
  await shoot(page, 'mail-protection');
});

test('[MAIL-3] staff send an outage notice after a confirmation; the protected customer’s notice is in the outbox', async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  try {
    await staff.goto('/sign-in');
    await closeCookieBanner(staff);
    await staff.getByLabel('Email address').fill(STAFF.email);
    await staff.getByRole('textbox', { name: 'Password', exact: true }).fill(STAFF.password);
    await staff.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(staff).toHaveURL(/\/account$/);
    await staff.goto('/staff');
    await staff.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Mail protection' }).click();
    await expect(staff).toHaveURL(/\/staff\/mail-protection$/);
    await expect(staff.getByRole('heading', { level: 1, name: 'Mail protection notices' })).toBeVisible();

    const form = staff.getByRole('form', { name: 'Send a mail protection notice' });
    await expect(form.getByRole('radio', { name: 'Outage' })).toBeChecked();
    await form.getByRole('textbox', { name: 'Subject' }).fill(notice.subject);
    await form.getByRole('textbox', { name: 'Text' }).fill(notice.text);
    await form.getByRole('button', { name: 'Send outage notice' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Send this outage notice?' });
    await expect(dialog).toContainText('every customer whose mailboxes or file stores Steward Mail Protection protects');
    await expect(dialog).toContainText(notice.subject);
    await dialog.getByRole('button', { name: 'Send to every protected customer' }).click();
    await expect(dialog).toBeHidden();
    await expect(staff.getByText(/^The notice went to \d+ customers?\.$/)).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Subject' })).toHaveValue('');

    const row = staff.getByTestId('notices').getByRole('row').filter({ hasText: notice.subject });
    await expect(row).toContainText('Outage');
    await expect(row.locator('td').last()).toHaveText(/^[1-9][\d,]*$/);
    await dismissToasts(staff);
    await shoot(staff, 'staff-mail-notices');

    // The customer's copy, as the staff outbox shows it.
    await staff.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Outbox' }).click();
    const mail = staff.getByTestId('outbox-message').filter({ hasText: user.email }).filter({ hasText: notice.subject });
    await expect(mail).toHaveCount(1);
    await expect(mail).toContainText(`Steward Mail Protection — Service notice: ${notice.subject}`);
    await expect(mail).toContainText(notice.text);
    await expect(mail).toContainText('/account/mail-protection');
  } finally {
    await staffContext.close();
  }
});

test('[MAIL-1] the customer disconnects the mailbox after a confirmation: it disappears and its seat is free again', async () => {
  await page.goto('/account/mail-protection');
  await connection()
    .getByRole('button', { name: `Disconnect ${mailbox}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect this mailbox?' });
  await expect(dialog).toContainText('hands its access back to Test mail provider');
  // Cancel keeps it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(connection()).toBeVisible();

  await connection()
    .getByRole('button', { name: `Disconnect ${mailbox}` })
    .click();
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${mailbox} is disconnected`)).toBeVisible();
  await expect(connection()).toHaveCount(0);
  await expect(license().getByTestId('mail-seats')).toHaveText('0 of 1 seat');
  await expect(license().getByRole('button', { name: /^Connect a mailbox/ })).toBeEnabled();
  await page.reload();
  await expect(license().getByText('Nothing is connected to this license yet.')).toBeVisible();
});
