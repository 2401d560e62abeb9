import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { closeCookieBanner, mailedLink, signUpAndVerify } from './support/accounts.ts';
import { shoot } from './support/shoot.ts';

const stamp = Date.now();
const ada = {
  email: `community.ada.${stamp}@example.test`,
  password: 'community-ada-Passw0rd',
  userName: `ada_${stamp}`,
  firstName: 'Ada',
  lastName: 'Lovelace',
};
const grace = {
  email: `community.grace.${stamp}@example.test`,
  password: 'community-grace-Passw0rd',
  userName: `grace.${stamp}`,
  firstName: 'Grace',
  lastName: 'Hopper',
};
const title = `Scheduled scans skip the external drive ${stamp}`;
const body = 'Since the last update the nightly scan ends after the system disk.\nThe USB drive is mounted the whole time. Anyone else seeing this?';
const comment = `Same here: turning "Scan removable drives" off and on again fixed it for me. (${stamp})`;

// Two people sign up and wait on mail: more than the default two minutes on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let browser: Browser;
let adaContext: BrowserContext;
let graceContext: BrowserContext;
let adaPage: Page;
let gracePage: Page;
let postId = '';

test.beforeAll(async ({ browser: b }) => {
  browser = b;
  adaContext = await browser.newContext();
  graceContext = await browser.newContext();
  adaPage = await adaContext.newPage();
  gracePage = await graceContext.newPage();
});

test.afterAll(async () => {
  await adaContext?.close();
  await graceContext?.close();
});

/** Closes the confirmations at the top of the page, which would cover the screenshots. */
async function dismissToasts(p: Page) {
  for (const close of await p.locator('.mantine-Notification-closeButton').all()) await close.click().catch(() => undefined);
  await expect(p.locator('.mantine-Notification-root')).toHaveCount(0);
}

/** A browser of someone who is not signed in. */
async function anonymousPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/community');
  await closeCookieBanner(page);
  return { context, page };
}

async function join(p: Page, person: typeof ada, showFullName: boolean) {
  const form = p.getByRole('form', { name: 'Join the community' });
  await form.getByRole('textbox', { name: 'User name' }).fill(person.userName);
  await form.getByRole('textbox', { name: 'First name' }).fill(person.firstName);
  await form.getByRole('textbox', { name: 'Last name' }).fill(person.lastName);
  if (showFullName) await form.getByRole('switch', { name: 'Show my first and last name to other members' }).check();
  await form.getByRole('button', { name: 'Join the community' }).click();
  await expect(p.getByText(`Welcome to the community, ${person.userName}.`)).toBeVisible();
  await expect(p.getByRole('form', { name: 'Your community profile' }).getByRole('textbox', { name: 'User name' })).toHaveValue(person.userName);
}

test('[COMM-1] a signed-in person joins the community with a user name, names and preferences, and writes a post', async () => {
  await signUpAndVerify(adaPage, ada.email, ada.password);
  await adaPage.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Community profile' }).click();
  await expect(adaPage).toHaveURL(/\/account\/community$/);
  await expect(adaPage.getByRole('heading', { level: 1, name: 'Community profile' })).toBeVisible();

  const form = adaPage.getByRole('form', { name: 'Join the community' });
  // Both preferences are off until the member turns them on.
  await expect(form.getByRole('switch', { name: 'Show my first and last name to other members' })).not.toBeChecked();
  await expect(form.getByRole('switch', { name: 'Email me when someone comments on my posts' })).not.toBeChecked();

  // Nothing filled in: each field says what it needs, at the field.
  await form.getByRole('button', { name: 'Join the community' }).click();
  await expect(form.getByRole('textbox', { name: 'User name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Use 3 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit.')).toBeVisible();
  await expect(form.getByText('Enter your first name, at most 80 characters.')).toBeVisible();
  // The server's refusal of a name lands at the name, in words.
  await form.getByRole('textbox', { name: 'User name' }).fill('support');
  await form.getByRole('textbox', { name: 'First name' }).fill(ada.firstName);
  await form.getByRole('textbox', { name: 'Last name' }).fill(ada.lastName);
  await form.getByRole('button', { name: 'Join the community' }).click();
  await expect(form.getByText('This user name is kept for Steward’s own staff; choose another.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'User name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(adaPage.locator('main')).not.toContainText('validation-failed');

  await form.getByRole('switch', { name: 'Email me when someone comments on my posts' }).check();
  await join(adaPage, ada, true);
  await expect(adaPage.getByTestId('shown-as')).toHaveText(`Others see you as ${ada.userName} (${ada.firstName} ${ada.lastName}).`);
  await dismissToasts(adaPage);
  await shoot(adaPage, 'community-account');
  // The profile can be corrected afterwards: a name fixed, and fixed back.
  const profile = adaPage.getByRole('form', { name: 'Your community profile' });
  await profile.getByRole('textbox', { name: 'Last name' }).fill('King');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(adaPage.getByText('Your community profile is saved.')).toBeVisible();
  await adaPage.reload();
  await expect(profile.getByRole('textbox', { name: 'Last name' })).toHaveValue('King');
  await expect(profile.getByRole('switch', { name: 'Email me when someone comments on my posts' })).toBeChecked();
  await profile.getByRole('textbox', { name: 'Last name' }).fill(ada.lastName);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await expect(adaPage.getByTestId('shown-as')).toHaveText(`Others see you as ${ada.userName} (${ada.firstName} ${ada.lastName}).`);
  await expect(adaPage.getByText('Your community profile is saved.').first()).toBeVisible();

  await adaPage.getByRole('link', { name: 'Community', exact: true }).click();
  await expect(adaPage).toHaveURL(/\/community$/);
  await adaPage.getByRole('link', { name: 'New post' }).click();
  const post = adaPage.getByRole('form', { name: 'New post' });
  await post.getByRole('button', { name: 'Publish post' }).click();
  await expect(post.getByText('Give the post a title of 3 to 150 characters.')).toBeVisible();
  await expect(post.getByLabel('Text')).toHaveAttribute('aria-invalid', 'true');
  await dismissToasts(adaPage);
  await shoot(adaPage, 'community-new-post-errors');
  await post.getByLabel('Title').fill(title);
  await post.getByLabel('Text').fill(body);
  await post.getByRole('button', { name: 'Publish post' }).click();

  await expect(adaPage).toHaveURL(/\/community\/posts\/[0-9a-f-]{36}$/);
  postId = adaPage.url().split('/').at(-1) as string;
  await expect(adaPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(adaPage.getByTestId('post-body')).toHaveText(body);
  await expect(adaPage.getByRole('button', { name: 'Edit post' })).toBeVisible();
});

test('[COMM-1] another member comments on the post, and its author is emailed as she asked', async () => {
  await signUpAndVerify(gracePage, grace.email, grace.password);
  await gracePage.getByRole('link', { name: 'Community', exact: true }).click();
  // Signed in but not a member: the way in is joining.
  await expect(gracePage.getByRole('link', { name: 'New post' })).toHaveCount(0);
  await gracePage.getByRole('link', { name: 'Join the community' }).click();
  await expect(gracePage).toHaveURL(/\/account\/community$/);

  // A user name is one person's, whatever its case.
  const form = gracePage.getByRole('form', { name: 'Join the community' });
  await form.getByRole('textbox', { name: 'User name' }).fill(ada.userName.toUpperCase());
  await form.getByRole('textbox', { name: 'First name' }).fill(grace.firstName);
  await form.getByRole('textbox', { name: 'Last name' }).fill(grace.lastName);
  await form.getByRole('button', { name: 'Join the community' }).click();
  await expect(form.getByText('This user name is taken; choose another.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'User name' })).toHaveAttribute('aria-invalid', 'true');
  await join(gracePage, grace, false);

  await gracePage.getByRole('link', { name: 'Community', exact: true }).click();
  const card = gracePage.getByRole('article', { name: title });
  await expect(card).toContainText(ada.userName);
  await expect(card).toContainText(`${ada.firstName} ${ada.lastName}`);
  await card.getByRole('link', { name: title }).click();
  await expect(gracePage).toHaveURL(new RegExp(`/community/posts/${postId}$`));
  // Not hers: no way to change it.
  await expect(gracePage.getByRole('button', { name: 'Edit post' })).toHaveCount(0);

  const write = gracePage.getByRole('form', { name: 'Write a comment' });
  await write.getByRole('button', { name: 'Post comment' }).click();
  await expect(write.getByText('Write your comment first.')).toBeVisible();
  await write.getByLabel('Your comment').fill(comment);
  await write.getByRole('button', { name: 'Post comment' }).click();
  const comments = gracePage.getByTestId('community-comment');
  await expect(comments).toHaveCount(1);
  await expect(comments.first()).toContainText(grace.userName);
  await expect(comments.first().getByTestId('comment-body')).toHaveText(comment);
  await expect(comments.first()).not.toContainText('(edited)');
  await expect(write.getByLabel('Your comment')).toHaveValue('');
  // Her own comment she may correct; it then says so.
  await comments.first().getByRole('button', { name: 'Edit your comment' }).click();
  const editing = gracePage.getByRole('form', { name: 'Edit your comment' });
  await editing.getByLabel('Your comment').fill(`${comment} Edit: also after a restart.`);
  await editing.getByRole('button', { name: 'Save comment' }).click();
  await expect(comments.first().getByTestId('comment-body')).toHaveText(`${comment} Edit: also after a restart.`);
  await expect(comments.first()).toContainText('(edited)');
  await dismissToasts(gracePage);
  await shoot(gracePage, 'community-post');

  // Ada asked to hear of comments: the mail links the post and names no one.
  const link = await mailedLink(ada.email, new RegExp(`http\\S+/community/posts/${postId}`));
  expect(link).toContain(postId);

  await gracePage.getByRole('link', { name: 'Community', exact: true }).click();
  await expect(gracePage.getByRole('article', { name: title })).toContainText('1 comment');
  await dismissToasts(gracePage);
  await shoot(gracePage, 'community-list');
});

test('[COMM-1] a visitor who is not signed in reads the post and the comment under user names, never an email address', async () => {
  const { context, page } = await anonymousPage();
  await expect(page.getByRole('link', { name: 'Sign in to post' })).toBeVisible();
  const card = page.getByRole('article', { name: title });
  await expect(card).toContainText(ada.userName);
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Post', exact: true })).toContainText(`${ada.userName} (${ada.firstName} ${ada.lastName})`);
  const comments = page.getByTestId('community-comment');
  await expect(comments).toHaveCount(1);
  await expect(comments.first()).toContainText(grace.userName);
  // Grace did not choose to show her name.
  await expect(comments.first()).not.toContainText(grace.lastName);
  await expect(comments.first().getByRole('button', { name: 'Edit your comment' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit post' })).toHaveCount(0);
  await shoot(page, 'community-post-visitor');

  for (const text of [await page.content(), await (await page.request.get(`/api/community/posts/${postId}`)).text()]) {
    expect(text).not.toContain(ada.email);
    expect(text).not.toContain(grace.email);
  }

  await comments.first().getByRole('link', { name: grace.userName }).click();
  await expect(page.getByRole('heading', { level: 1, name: grace.userName })).toBeVisible();
  await expect(page.getByTestId('community-member')).toContainText('Not shown');
  await expect(page.getByTestId('community-member')).not.toContainText(grace.email);
  await shoot(page, 'community-member');
  await context.close();
});

test('[COMM-4] deleting the community account hides its post from everyone at once', async () => {
  await adaPage.goto('/account/community');
  const leave = adaPage.getByRole('region', { name: 'Delete my community account' });
  await expect(leave).toContainText('purged within 24 hours');
  await leave.getByRole('button', { name: 'Delete my community account' }).click();
  const dialog = adaPage.getByRole('dialog', { name: 'Delete your community account?' });
  await expect(dialog).toContainText('hidden from everyone at once');
  await shoot(adaPage, 'community-delete-confirm', false);
  await dialog.getByRole('button', { name: 'Delete it' }).click();
  // The session is older than 10 minutes when the run is slow: the page then asks for the password.
  const fresh = adaPage.getByRole('dialog', { name: 'Confirm it is you' });
  const left = adaPage.getByTestId('community-left');
  await expect(left.or(fresh)).toBeVisible({ timeout: 30_000 });
  if (await fresh.isVisible()) {
    await fresh.getByLabel('Your password').fill(ada.password);
    await fresh.getByRole('button', { name: 'Confirm' }).click();
  }
  await expect(left).toContainText('purged by');
  await expect(dialog).toBeHidden();
  await expect(adaPage.getByRole('region', { name: 'Delete my community account' })).toHaveCount(0);
  await dismissToasts(adaPage);
  await shoot(adaPage, 'community-account-deleted');
  // After a reload the page still says so, and offers no join form until the old account is purged.
  await adaPage.reload();
  await expect(adaPage.getByTestId('community-leaving')).toContainText('purged within 24 hours');
  await expect(adaPage.getByRole('form', { name: 'Join the community' })).toHaveCount(0);

  // At once, for the author, another member and a visitor alike.
  await adaPage.getByRole('link', { name: 'Community', exact: true }).click();
  await expect(adaPage.getByRole('heading', { level: 1, name: 'Community' })).toBeVisible();
  await expect(adaPage.getByRole('link', { name: 'Join the community' })).toBeVisible();
  await expect(adaPage.getByRole('article', { name: title })).toHaveCount(0);

  await gracePage.reload();
  await expect(gracePage.getByRole('link', { name: 'New post' })).toBeVisible();
  await expect(gracePage.getByRole('article', { name: title })).toHaveCount(0);

  const { context, page } = await anonymousPage();
  await expect(page.getByRole('link', { name: 'Sign in to post' })).toBeVisible();
  await expect(page.getByRole('article', { name: title })).toHaveCount(0);
  await page.goto(`/community/posts/${postId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Post not found' })).toBeVisible();
  await page.goto(`/community/members/${ada.userName}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Member not found' })).toBeVisible();
  await context.close();
});
