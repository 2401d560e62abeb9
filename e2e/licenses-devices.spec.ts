import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { newActivationCode } from '@steward/client';
import { closeCookieBanner, signUpAndVerify } from './support/accounts.ts';
import { BASE_URL } from './support/env.ts';
import { shoot } from './support/shoot.ts';

const stamp = Date.now();
const user = { email: `licenses.${stamp}@example.test`, password: 'licenses-user-Passw0rd' };
const device = { name: 'Ada’s laptop', platform: 'Windows 11', productVersion: '24.3.1', fingerprint: `e2e-machine-${stamp}` };
const problem = { code: 'real-time-protection-off', detail: 'Real-time protection was switched off.', fixable: true };
const offerName = 'Buy Steward Total Security, 1 year, 3 devices';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let deviceToken = '';
let codeLastGroup = '';

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
});

/** The installed product, talking to the product API as a device does: no session, its own token. */
async function deviceCall<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(deviceToken ? { authorization: `Bearer ${deviceToken}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

interface DeviceCommand {
  id: string;
  kind: string;
  payload: unknown;
}

async function checkIn(problems: (typeof problem)[], protectionStatus = problems.length > 0 ? 'at-risk' : 'protected'): Promise<DeviceCommand[]> {
  const res = await deviceCall<{ commands: DeviceCommand[] }>('/api/v1/devices/checkin', { protectionStatus, productVersion: device.productVersion, problems });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.commands;
}

/** Screenshots wait until the confirmation toasts have closed, so they do not cover the page's top. */
async function shootSettled(p: Page, name: string, fullPage = true) {
  await expect(p.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shoot(p, name, fullPage);
}

async function acknowledge(command: DeviceCommand, result: unknown) {
  const res = await deviceCall(`/api/v1/devices/commands/${command.id}/ack`, { status: 'acknowledged', result });
  expect(res.status, JSON.stringify(res.body)).toBe(204);
}

test('[ACC-6] [ACC-7] the user buys a 3-seat license at the store and sees the order', async () => {
  await signUpAndVerify(page, user.email, user.password);
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Purchases' }).click();
  await expect(page).toHaveURL(/\/account\/purchases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Purchases' })).toBeVisible();
  await expect(page.getByText('You have not bought anything yet.')).toBeVisible();
  await expect(page.getByText(/We keep only its expiry date, its last four digits and the store's reference/)).toBeVisible();

  // Orders are placed only when the user acts: Buy leaves for the store's page, Pay there places it.
  await page.getByRole('checkbox', { name: 'Keep my card linked for renewals' }).check();
  await page.getByRole('button', { name: offerName }).click();
  await expect(page).toHaveURL(/\/api\/store\/test\/checkout\//);
  await expect(page.getByRole('heading', { name: 'Test store' })).toBeVisible();
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill(String(new Date().getFullYear() + 3));
  await expect(page.getByRole('checkbox', { name: /Save this card/ })).toBeChecked();
  await page.getByRole('button', { name: /^Pay 59\.95 EUR$/ }).click();

  await expect(page).toHaveURL(/\/account\/purchases/);
  const order = page.getByTestId('orders').getByRole('row').filter({ hasText: '1 year, 3 devices' });
  await expect(order).toBeVisible();
  await expect(order).toContainText('Paid');
  await expect(order).toContainText('59.95');
  const masked = (await order.getByText(/^•••••-[0-9A-Z]{5}$/).textContent()) ?? '';
  codeLastGroup = masked.slice(-5);
  expect(codeLastGroup).toMatch(/^[0-9A-Z]{5}$/);
  await expect(page.getByTestId('cards').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('cards')).toContainText('•••• 4242');
  await expect(page.getByTestId('cards')).toContainText(`Expires 12/${String(new Date().getFullYear() + 3).slice(2)}`);
  await closeCookieBanner(page);
  await shootSettled(page, 'purchases');
});

test('[LIC-1] the license is on the licenses page; a mistyped or unknown code is refused at the field', async () => {
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Licenses' }).click();
  await expect(page).toHaveURL(/\/account\/licenses$/);
  const license = page.getByRole('article', { name: 'Steward Total Security' });
  await expect(license).toContainText('1 year, 3 devices');
  await expect(license.getByTestId('license-code')).toHaveText(`•••••-${codeLastGroup}`);
  await expect(license.getByTestId('license-seats')).toHaveText('0 of 3 devices');
  await expect(license.getByText('Active', { exact: true })).toBeVisible();
  await expect(license.getByRole('switch', { name: 'Renew automatically' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Email me before a license expires' })).not.toBeChecked();

  // One symbol changed: the check character catches it before any lookup.
  const valid = newActivationCode();
  const last = valid.at(-1) === '0' ? '1' : '0';
  const addSection = page.getByRole('region', { name: 'Add a license' });
  const codeField = addSection.getByRole('textbox', { name: 'Activation code' });
  await codeField.fill(`${valid.slice(0, -1)}${last}`);
  await addSection.getByRole('button', { name: 'Add license' }).click();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(addSection.getByText(/check character does not match/)).toBeVisible();
  // A well-formed code that was never sold.
  await codeField.fill(valid);
  await addSection.getByRole('button', { name: 'Add license' }).click();
  await expect(addSection.getByText('We do not know this code.', { exact: false })).toBeVisible();

  // Reminders and auto-renewal are separate opt-ins.
  await page.getByRole('switch', { name: 'Email me before a license expires' }).check();
  await expect(page.getByText('We will remind you before a license expires.')).toBeVisible();
  await expect(license.getByRole('switch', { name: 'Renew automatically' })).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Email me before a license expires' })).toBeChecked();
  await expect(page.getByRole('article', { name: 'Steward Total Security' }).getByRole('switch', { name: 'Renew automatically' })).not.toBeChecked();
});

test('[DEV-1] [DEV-2] the user links a device with a code; it reports a problem', async () => {
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Devices' }).click();
  await expect(page).toHaveURL(/\/account\/devices$/);
  await expect(page.getByText('No device is linked yet.')).toBeVisible();
  await expect(page.getByText(/Steward never asks a device for its location/)).toBeVisible();
  await page.getByRole('button', { name: 'Link a device' }).click();
  const code = page.getByTestId('enrollment-code');
  await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('timer')).toContainText(/Expires in 1[45]:\d{2}/);
  await shootSettled(page, 'devices-link-code');

  const enrolled = await deviceCall<{ deviceId: string; token: string }>('/api/v1/devices/enroll', {
    code: (await code.textContent())?.trim(),
    fingerprint: device.fingerprint,
    name: device.name,
    platform: device.platform,
    productVersion: device.productVersion,
  });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  deviceToken = enrolled.body.token;
  expect(await checkIn([problem])).toEqual([]);

  // The page notices the new device by itself and puts the code away.
  const row = page.getByTestId('device-row').filter({ hasText: device.name });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('enrollment-code')).toBeHidden();
  await expect(row.getByTestId('protection-status')).toHaveText('At risk');
  await expect(row.getByTestId('problem-count')).toHaveText('1 open');
  await expect(row).toContainText(device.productVersion);
  await expect(row).toContainText('just now');
  await closeCookieBanner(page);
  await shootSettled(page, 'devices');
});

test('[LIC-1] the user binds the license to the device, within its seats', async () => {
  await page.goto('/account/licenses');
  const license = page.getByRole('article', { name: 'Steward Total Security' });
  await license.getByRole('combobox', { name: 'Bind to a device' }).click();
  await page.getByRole('option', { name: `${device.name} (${device.platform})` }).click();
  await license.getByRole('button', { name: 'Bind', exact: true }).click();
  await expect(license.getByTestId('license-seats')).toHaveText('1 of 3 devices');
  await expect(license.getByRole('list', { name: /Devices using/ }).getByRole('link', { name: device.name })).toBeVisible();
  await shootSettled(page, 'licenses');
});

test('[LIC-2] automatic renewal is switched on by itself; renewing now goes to the store', async () => {
  const license = page.getByRole('article', { name: 'Steward Total Security' });
  await license.getByRole('switch', { name: 'Renew automatically' }).check();
  await expect(page.getByText('Automatic renewal is on.')).toBeVisible();
  await page.reload();
  await expect(license.getByRole('switch', { name: 'Renew automatically' })).toBeChecked();

  await license.getByRole('button', { name: /^Renew now/ }).click();
  await expect(page).toHaveURL(/\/api\/store\/test\/checkout\//);
  await expect(page.getByRole('cell', { name: 'Steward Total Security, 1 year, 3 devices' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
});

test('[DEV-2] a problem is fixed remotely: the device takes the fix, confirms it, and the problem is gone', async () => {
  await page.goto('/account/devices');
  await page.getByRole('link', { name: device.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: device.name })).toBeVisible();
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByTestId('problem')).toContainText('Real time protection off');
  await problems.getByRole('button', { name: 'Fix remotely: Real time protection off' }).click();
  await expect(problems.getByText('Fix sent, waiting for the device')).toBeVisible();
  const log = page.getByTestId('command-log');
  await expect(log.locator('[data-kind="fix"]')).toHaveAttribute('data-status', 'pending');

  const commands = await checkIn([problem]);
  const fix = commands.find((c) => c.kind === 'fix');
  expect(fix, JSON.stringify(commands)).toBeTruthy();
  await acknowledge(fix as DeviceCommand, { message: 'Real-time protection is on again.' });
  await checkIn([]);

  await expect(log.locator('[data-kind="fix"]')).toHaveAttribute('data-status', 'acknowledged', { timeout: 15_000 });
  await expect(log.locator('[data-kind="fix"]')).toContainText('Confirmed');
  await expect(problems.getByTestId('no-problems')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('protection-status')).toHaveText('Protected');
});

test('[DEV-3] [DEV-4] the user locks the device after confirming; the device confirms and the log shows it', async () => {
  const antiTheft = page.getByRole('region', { name: 'Lost or stolen?' });
  await expect(antiTheft.getByText(/Steward never asks a device for its location/)).toBeVisible();

  // Wiping asks for the device's name; cancelled here.
  await antiTheft.getByRole('button', { name: 'Wipe' }).click();
  const wipe = page.getByRole('dialog', { name: `Wipe ${device.name}?` });
  await wipe.getByRole('button', { name: 'Wipe the device' }).click();
  await expect(wipe.getByRole('textbox', { name: /Type the device's name to confirm/ })).toHaveAttribute('aria-invalid', 'true');
  await shootSettled(page, 'device-wipe-confirm', false);
  await wipe.getByRole('button', { name: 'Cancel' }).click();
  await expect(wipe).toBeHidden();

  await antiTheft.getByRole('button', { name: 'Lock' }).click();
  const lock = page.getByRole('dialog', { name: `Lock ${device.name}?` });
  await lock.getByRole('textbox', { name: /Message on the lock screen/ }).fill('Found it? Please call +43 1 234 5678.');
  await lock.getByRole('button', { name: 'Lock the device' }).click();
  await expect(lock).toBeHidden();
  const log = page.getByTestId('command-log');
  await expect(log.locator('[data-kind="lock"]')).toHaveAttribute('data-status', 'pending');
  await expect(antiTheft.getByText('Lock: waiting for the device')).toBeVisible();

  const commands = await checkIn([]);
  const lockCommand = commands.find((c) => c.kind === 'lock');
  expect(lockCommand, JSON.stringify(commands)).toBeTruthy();
  expect(JSON.stringify(lockCommand?.payload)).toContain('Found it?');
  await acknowledge(lockCommand as DeviceCommand, { message: 'Screen locked.' });

  await expect(log.locator('[data-kind="lock"]')).toHaveAttribute('data-status', 'acknowledged', { timeout: 15_000 });
  await expect(log.locator('[data-kind="lock"]')).toContainText('Screen locked.');
  await expect(antiTheft.getByText('Lock: waiting for the device')).toBeHidden();

  // A device that sends where it is gets refused, and nothing of it is kept.
  const located = await deviceCall<{ code: string }>('/api/v1/devices/checkin', { protectionStatus: 'protected', problems: [], latitude: 48.2 });
  expect(located.status).toBe(400);
  expect(located.body.code).toBe('location-refused');
  await closeCookieBanner(page);
  await shootSettled(page, 'device-detail');
});

test('[LIC-1] [ACC-7] unbinding and removing the card each ask first', async () => {
  await page.goto('/account/licenses');
  const license = page.getByRole('article', { name: 'Steward Total Security' });
  await license.getByRole('button', { name: `Unbind ${device.name}` }).click();
  const unbind = page.getByRole('dialog', { name: 'Unbind this device?' });
  await expect(unbind).toContainText('the seat is free');
  await unbind.getByRole('button', { name: 'Unbind' }).click();
  await expect(license.getByTestId('license-seats')).toHaveText('0 of 3 devices');

  await page.goto('/account/purchases');
  await page
    .getByTestId('cards')
    .getByRole('button', { name: /^Remove Card ending/ })
    .click();
  const remove = page.getByRole('dialog', { name: 'Remove this card?' });
  await remove.getByRole('button', { name: 'Remove card' }).click();
  await expect(page.getByText('No card is linked.', { exact: false })).toBeVisible();
});

test('[DEV-1] the user signs the device out: its token stops working at once, and the page says so', async () => {
  await page.goto('/account/devices');
  await page.getByRole('link', { name: device.name }).first().click();
  await page.getByRole('button', { name: 'Sign out device' }).click();
  const dialog = page.getByRole('dialog', { name: `Sign ${device.name} out?` });
  await dialog.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('device-signed-out')).toBeVisible();
  const refused = await deviceCall<{ code: string }>('/api/v1/devices/checkin', { protectionStatus: 'protected', problems: [] });
  expect(refused.status).toBe(401);
});
