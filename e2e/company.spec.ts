import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { mailedLink, signUpAndVerify } from './support/accounts.ts';
import { shoot } from './support/shoot.ts';

const stamp = Date.now();
const admin = { email: `company.admin.${stamp}@example.test`, password: 'company-admin-Passw0rd', name: 'Ada Administrator' };
const colleague = { email: `company.colleague.${stamp}@example.test`, password: 'company-colleague-Passw0rd', name: 'Grace Colleague' };
const companyName = `Analytical Engines ${stamp}`;

// Two people sign up and wait on mail: more than the default two minutes on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let adminContext: BrowserContext;
let colleagueContext: BrowserContext;
let adminPage: Page;
let colleaguePage: Page;

test.beforeAll(async ({ browser }) => {
  adminContext = await browser.newContext();
  colleagueContext = await browser.newContext();
  adminPage = await adminContext.newPage();
  colleaguePage = await colleagueContext.newPage();
});

test.afterAll(async () => {
  await adminContext?.close();
  await colleagueContext?.close();
});

/** A verified account with a name, so the administrator's notice can show it. */
async function signUpWithName(p: Page, person: { email: string; password: string; name: string }) {
  await signUpAndVerify(p, person.email, person.password);
  await p.getByRole('textbox', { name: 'Name', exact: true }).fill(person.name);
  await p.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(p.getByText('Your profile is saved.')).toBeVisible();
}

/** Closes the confirmations at the top of the page, which would cover the screenshots. */
async function dismissToasts(p: Page) {
  for (const close of await p.locator('.mantine-Notification-closeButton').all()) await close.click().catch(() => undefined);
  await expect(p.locator('.mantine-Notification-root')).toHaveCount(0);
}

async function openTab(p: Page, name: string) {
  await p.getByRole('tab', { name }).click();
  await expect(p.getByRole('tab', { name, selected: true })).toBeVisible();
}

test('[ORG-1] the first person to register a company becomes its administrator', async () => {
  await signUpWithName(adminPage, admin);
  await adminPage.getByRole('link', { name: 'Company' }).click();
  await expect(adminPage).toHaveURL(/\/company$/);
  const form = adminPage.getByRole('form', { name: 'Register your company' });
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-register');
  await form.getByRole('button', { name: 'Register company' }).click();
  await expect(form.getByText('Enter the company’s name.')).toBeVisible();
  await form.getByLabel('Company name').fill(companyName);
  await form.getByLabel('Country').fill('DE');
  await form.getByLabel('Language').fill('de');
  await form.getByRole('button', { name: 'Register company' }).click();

  await expect(adminPage.getByTestId('company-name')).toHaveText(companyName);
  await expect(adminPage.getByText('Administrator (owner)').first()).toBeVisible();
  const members = adminPage.getByTestId('company-members');
  await expect(members.getByText(admin.email)).toBeVisible();
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-members');
});

test('an administrator invites a colleague by email', async () => {
  await openTab(adminPage, 'Invitations');
  const form = adminPage.getByRole('form', { name: 'Invite a colleague' });
  await form.getByLabel('Colleague’s email address').fill(colleague.email);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(adminPage.getByTestId('company-invitations').getByText(colleague.email)).toBeVisible();
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-invitations');
});

test('[ORG-2] the colleague accepts by the mailed link and the administrator sees their name and email', async () => {
  await signUpWithName(colleaguePage, colleague);
  const link = await mailedLink(colleague.email, /http\S+\/company\/invitations\/[\w-]+/);
  await colleaguePage.goto(link);
  await expect(colleaguePage.getByRole('heading', { name: 'Company invitation' })).toBeVisible();
  await expect(colleaguePage.getByRole('heading', { name: `Join ${companyName}` })).toBeVisible();
  await dismissToasts(colleaguePage);
  await shoot(colleaguePage, 'company-accept');
  await colleaguePage.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(colleaguePage).toHaveURL(/\/company$/);
  await expect(colleaguePage.getByTestId('company-name')).toHaveText(companyName);
  await expect(colleaguePage.getByText('The company has no licenses yet.')).toBeVisible();
  // A member is no administrator: the members, invitations and settings stay with them.
  await expect(colleaguePage.getByRole('tab', { name: 'Members' })).toHaveCount(0);
  await dismissToasts(colleaguePage);
  await shoot(colleaguePage, 'company-member-view');

  await adminPage.goto('/company?tab=notices');
  const notice = adminPage.getByTestId('company-notices').getByRole('row').filter({ hasText: colleague.email });
  await expect(notice).toContainText(colleague.name);
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-notices');
});

test('[ORG-3] the administrator edits the colleague’s role and sends them a password-reset link', async () => {
  await openTab(adminPage, 'Members');
  const row = adminPage.getByTestId('company-members').getByRole('row').filter({ hasText: colleague.email });
  await row.getByRole('button', { name: `Edit ${colleague.name}` }).click();
  const dialog = adminPage.getByRole('dialog', { name: `Edit ${colleague.name}` });
  await dialog.getByLabel('Role').click();
  await adminPage.getByRole('option', { name: 'License manager' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('License manager');
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-members-colleague');

  await row.getByRole('button', { name: `Send ${colleague.name} a password-reset link` }).click();
  await adminPage.getByRole('dialog', { name: 'Send a password-reset link' }).getByRole('button', { name: 'Send link' }).click();
  await expect(adminPage.locator('.mantine-Notification-root').getByText(`${colleague.name} gets an email with a link to set a new password.`)).toBeVisible();
  expect(await mailedLink(colleague.email, /http\S+reset-password\S+/)).toContain('reset-password');
});

test('[ORG-3] the administrator blocks the company; the colleague loses it and keeps the personal account', async () => {
  await openTab(adminPage, 'Settings');
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-settings');
  await adminPage.getByRole('button', { name: 'Block company' }).click();
  const dialog = adminPage.getByRole('dialog', { name: `Block ${companyName}` });
  await dialog.getByRole('button', { name: 'Block company' }).click();
  await expect(adminPage.getByTestId('company-blocked')).toBeVisible();
  await expect(adminPage.getByRole('button', { name: 'Unblock company' })).toBeVisible();
  await dismissToasts(adminPage);
  await shoot(adminPage, 'company-blocked-admin');

  await colleaguePage.goto('/company');
  await expect(colleaguePage.getByTestId('company-blocked')).toContainText(`${companyName} is blocked`);
  await expect(colleaguePage.getByTestId('company-name')).toHaveCount(0);
  await expect(colleaguePage.getByRole('button', { name: 'Unblock company' })).toHaveCount(0);
  await dismissToasts(colleaguePage);
  await shoot(colleaguePage, 'company-blocked-member');
  const licenses = await colleaguePage.request.get('/api/companies/current/licenses');
  expect(licenses.status()).toBe(403);
  expect((await licenses.json()).code).toBe('company-blocked');

  await colleaguePage.getByRole('link', { name: 'Licenses' }).click();
  await expect(colleaguePage.getByRole('heading', { name: 'Licenses', level: 1 })).toBeVisible();
  await expect(colleaguePage.getByTestId('no-licenses')).toBeVisible();
  expect((await colleaguePage.request.get('/api/account')).status()).toBe(200);
});
