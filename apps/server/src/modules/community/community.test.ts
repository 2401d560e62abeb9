import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../platform/clock.ts';
import { outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { person } from '../orgs/company-test-kit.ts';
import { setRestriction } from '../privacy/rights/restriction.ts';
import { comment, member, post, profile } from './community-test-kit.ts';
import { POSTS_PER_HOUR } from './posts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const anonymous = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { origin: 'http://localhost:3000' }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('joining the community', () => {
  it('[COMM-1] needs a user name, a first and a last name; email and password are the account’s own; preferences as chosen', async () => {
    const someone = await person(t);
    expect((await someone.browser.request('GET', '/api/community/me')).json().code).toBe('community-membership-required');
    const wanted = profile({ notifyReplies: true });
    const joined = await someone.browser.request('PUT', '/api/community/me', wanted);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject(wanted);
    expect(joined.json()).not.toHaveProperty('email');

    const corrected = await someone.browser.request('PUT', '/api/community/me', { ...wanted, lastName: 'Byron', showFullName: true });
    expect(corrected.statusCode).toBe(200);
    expect((await someone.browser.request('GET', '/api/community/me')).json()).toMatchObject({ lastName: 'Byron', showFullName: true });
  });

  it('[COMM-1] refuses a missing or malformed field by name, a taken user name in any case, and a staff-like name; nothing is written', async () => {
    const someone = await person(t);
    const { lastName: _omitted, ...noLastName } = profile();
    const missing = await someone.browser.request('PUT', '/api/community/me', noLastName);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('lastName');
    const badName = await someone.browser.request('PUT', '/api/community/me', profile({ userName: 'a b' }));
    expect(badName.json().errors[0].field).toBe('userName');
    const reserved = await someone.browser.request('PUT', '/api/community/me', profile({ userName: 'Support' }));
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().errors[0].field).toBe('userName');

    const first = await member(t);
    const clash = await someone.browser.request('PUT', '/api/community/me', profile({ userName: first.profile.userName.toUpperCase() }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('user-name-taken');
    expect((await someone.browser.request('GET', '/api/community/me')).statusCode).toBe(403);
  });
});

describe('posts and comments', () => {
  it('[COMM-1] a member comments on another member’s post; anyone reads both, under user names, full names only where chosen, never an email', async () => {
    const author = await member(t, { showFullName: true });
    const reader = await member(t);
    const written = await post(author);
    const answer = await comment(reader, written.id);

    const read = await anonymous('GET', `/api/community/posts/${written.id}`);
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body.author).toEqual({ userName: author.profile.userName, fullName: `Ada ${author.profile.lastName}` });
    expect(body.comments).toEqual([
      expect.objectContaining({ id: answer.id, body: answer.body, author: { userName: reader.profile.userName, fullName: null }, mine: false }),
    ]);
    expect(read.body).not.toContain(author.visitor.email);
    expect(read.body).not.toContain(reader.visitor.email);
    expect(read.body).not.toContain(reader.profile.lastName);

    const list = (await anonymous('GET', '/api/community/posts')).json();
    expect(list.posts.find((p: { id: string }) => p.id === written.id)).toMatchObject({ comments: 1, mine: false });
    const own = (await author.browser.request('GET', '/api/community/posts')).json();
    expect(own.posts.find((p: { id: string }) => p.id === written.id).mine).toBe(true);
    expect((await anonymous('GET', `/api/community/members/${author.profile.userName}`)).json()).toMatchObject({ posts: 1 });
  });

  it('emails the author of a commented post only if they asked to be, at most once an hour per post, never a restricted author (whose posts take no comments), and the mail holds no community content', async () => {
    const wantsMail = await member(t, { notifyReplies: true });
    const noMail = await member(t);
    const reader = await member(t);
    const wanted = await post(wantsMail);
    await comment(reader, wanted.id);
    await comment(reader, (await post(noMail)).id);
    await comment(wantsMail, wanted.id);

    const mails = (who: { visitor: { email: string } }) =>
      outboxFor(t, who.visitor.email).then((all) => all.filter((m) => m.subject === 'New comment on your community post'));
    const [mail] = await mails(wantsMail);
    expect(await mails(wantsMail)).toHaveLength(1);
    expect(mail.body).toContain(`/community/posts/${wanted.id}`);
    expect(mail.body).not.toContain(wanted.title);
    expect(mail.body).not.toContain(reader.profile.userName);
    expect(await mails(noMail)).toEqual([]);

    // More comments within the hour add no mail; the first one after it does.
    await comment(reader, wanted.id);
    expect(await mails(wantsMail)).toHaveLength(1);
    t.clock.advance(HOUR_MS + 1000);
    await comment(reader, wanted.id);
    expect(await mails(wantsMail)).toHaveLength(2);
    await setRestriction(t.deps, wantsMail.userId, true);
    expect((await reader.browser.request('POST', `/api/community/posts/${wanted.id}/comments`, { body: 'unseen' })).statusCode).toBe(404);
    expect(await mails(wantsMail)).toHaveLength(2);
  });

  it('only the author edits or deletes a post or comment; to anyone else it is not found', async () => {
    const author = await member(t);
    const other = await member(t);
    const written = await post(author);
    const answer = await comment(author, written.id);
    const edit = { title: 'Changed title', body: 'Changed' };
    expect((await other.browser.request('PATCH', `/api/community/posts/${written.id}`, edit)).statusCode).toBe(404);
    expect((await other.browser.request('DELETE', `/api/community/posts/${written.id}`)).statusCode).toBe(404);
    expect((await other.browser.request('PATCH', `/api/community/comments/${answer.id}`, { body: 'x' })).statusCode).toBe(404);
    expect((await other.browser.request('DELETE', `/api/community/comments/${answer.id}`)).statusCode).toBe(404);
    const unchanged = (await anonymous('GET', `/api/community/posts/${written.id}`)).json();
    expect(unchanged).toMatchObject({ title: written.title, comments: [expect.objectContaining({ body: answer.body })] });

    expect((await author.browser.request('PATCH', `/api/community/posts/${written.id}`, edit)).json()).toMatchObject(edit);
    // A comment on a post no longer shown takes no new words.
    const onOthers = await comment(author, (await post(other)).id);
    await setRestriction(t.deps, other.userId, true);
    expect((await author.browser.request('PATCH', `/api/community/comments/${onOthers.id}`, { body: 'edited while hidden' })).statusCode).toBe(404);
    await setRestriction(t.deps, other.userId, false);
    expect((await author.browser.request('DELETE', `/api/community/comments/${answer.id}`)).statusCode).toBe(204);
    expect((await author.browser.request('DELETE', `/api/community/posts/${written.id}`)).statusCode).toBe(204);
    expect((await anonymous('GET', `/api/community/posts/${written.id}`)).statusCode).toBe(404);
  });

  it(`limits a member to ${POSTS_PER_HOUR} posts an hour, counted in the database`, async () => {
    const busy = await member(t);
    for (let i = 0; i < POSTS_PER_HOUR; i++) await post(busy);
    const refused = await busy.browser.request('POST', '/api/community/posts', { title: 'One more', body: 'text' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    t.clock.advance(HOUR_MS + 1000);
    expect((await busy.browser.request('POST', '/api/community/posts', { title: 'One more', body: 'text' })).statusCode).toBe(201);
  });

  it('pages through posts written in the same instant without skipping or repeating one; a forged cursor is a 400 naming it', async () => {
    const prolific = await member(t);
    const mine = new Set<string>();
    for (let i = 0; i < POSTS_PER_HOUR; i++) mine.add((await post(prolific)).id);
    t.clock.advance(HOUR_MS + 1000);
    for (let i = 0; i < POSTS_PER_HOUR; i++) mine.add((await post(prolific)).id);
    t.clock.advance(HOUR_MS + 1000);
    for (let i = 0; i < 5; i++) mine.add((await post(prolific)).id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { posts: Array<{ id: string }>; next: string | null } = (
        await anonymous('GET', `/api/community/posts${cursor ? `?cursor=${cursor}` : ''}`)
      ).json();
      expect(page.posts.length).toBeLessThanOrEqual(20);
      seen.push(...page.posts.map((p: { id: string }) => p.id));
      cursor = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.has(id))).toHaveLength(mine.size);
    const forged = await anonymous('GET', '/api/community/posts?cursor=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
  });
});

describe('restriction (RIGHT-6)', () => {
  it('[RIGHT-6] a restricted member’s posts and comments are kept but not published, and they cannot write; correcting the profile still works', async () => {
    const member1 = await member(t);
    const reader = await member(t);
    const written = await post(member1);
    const answer = await comment(member1, (await post(reader)).id);
    await setRestriction(t.deps, member1.userId, true);

    expect((await anonymous('GET', `/api/community/posts/${written.id}`)).statusCode).toBe(404);
    const readersPost = (await anonymous('GET', '/api/community/posts')).json().posts.map((p: { id: string }) => p.id);
    expect(readersPost).not.toContain(written.id);
    expect(JSON.stringify((await anonymous('GET', '/api/community/posts')).json())).not.toContain(answer.body);
    expect((await member1.browser.request('POST', '/api/community/posts', { title: 'While restricted', body: 'x' })).json().code).toBe('processing-restricted');
    expect((await member1.browser.request('PUT', '/api/community/me', { ...member1.profile, firstName: 'Augusta' })).statusCode).toBe(200);

    await setRestriction(t.deps, member1.userId, false);
    expect((await anonymous('GET', `/api/community/posts/${written.id}`)).statusCode).toBe(200);
  });

  it('[RIGHT-6] a restricted account cannot join the community', async () => {
    const someone = await person(t);
    await setRestriction(t.deps, someone.userId, true);
    const refused = await someone.browser.request('PUT', '/api/community/me', profile());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('processing-restricted');
  });
});
