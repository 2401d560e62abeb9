import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../platform/clock.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { users } from '../accounts/schema.ts';
import { retentionReport } from '../privacy/retention/retention-report.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { collectSubjectData } from '../privacy/rights/collect-subject-data.ts';
import { comment, type Member, member, post } from './community-test-kit.ts';
import { COMMUNITY_RETENTION } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const sweep = () => runRetention(t.deps, retentionRule(COMMUNITY_RETENTION));
const due = async () => (await retentionReport(t.deps)).find((row) => row.rule === COMMUNITY_RETENTION)?.due;
const read = (url: string) => t.app.inject({ method: 'GET', url });

/** A member who wrote a post that another commented on, and a comment on the other's post. */
async function activeMember() {
  const leaver = await member(t, { showFullName: true });
  const stayer = await member(t);
  const own = await post(leaver);
  const othersPost = await post(stayer);
  const answerToLeaver = await comment(stayer, own.id);
  const leaversComment = await comment(leaver, othersPost.id);
  const traces = [leaver.profile.userName, leaver.profile.lastName, own.title, own.body, leaversComment.body];
  return { leaver, stayer, own, othersPost, answerToLeaver, leaversComment, traces };
}

async function expectHidden(world: Awaited<ReturnType<typeof activeMember>>) {
  expect((await read(`/api/community/posts/${world.own.id}`)).statusCode).toBe(404);
  expect((await read(`/api/community/members/${world.leaver.profile.userName}`)).statusCode).toBe(404);
  const othersPost = (await read(`/api/community/posts/${world.othersPost.id}`)).json();
  expect(othersPost.comments).toEqual([]);
  expect(JSON.stringify((await read('/api/community/posts')).json())).not.toContain(world.leaver.profile.userName);
}

const leave = (who: Member) => who.browser.request('POST', '/api/community/me/deletion');

describe('deleting a community account (COMM-4)', () => {
  it('[COMM-4] hides the profile, posts and comments at once, and within 24 hours nothing of them is left in any column', async () => {
    const world = await activeMember();
    const left = await leave(world.leaver);
    expect(left.statusCode).toBe(202);
    expect(new Date(left.json().purgeBy).getTime() - t.clock.now().getTime()).toBe(24 * HOUR_MS);
    await expectHidden(world);
    expect(await due()).toBeGreaterThanOrEqual(1);
    expect((await findAnywhere(t.deps.pool, world.traces)).length).toBeGreaterThan(0);

    t.clock.advance(24 * HOUR_MS);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    expect(await findAnywhere(t.deps.pool, [...world.traces, world.answerToLeaver.body])).toEqual([]);
    expect(await due()).toBe(0);
    // The other member's own post stays; the Steward account stays too, as only the community part was deleted.
    expect((await read(`/api/community/posts/${world.othersPost.id}`)).statusCode).toBe(200);
    expect(await t.deps.db.select({ id: users.id }).from(users).where(eq(users.id, world.leaver.userId))).toHaveLength(1);
  });

  it('[COMM-4] deleting the whole Steward account purges its community data within 24 hours, not after the account’s month', async () => {
    const world = await activeMember();
    const deleted = await world.leaver.browser.request('POST', '/api/account/deletion', { password: world.leaver.visitor.password });
    expect(deleted.statusCode).toBe(202);
    await expectHidden(world);

    t.clock.advance(24 * HOUR_MS);
    await sweep();
    expect(await findAnywhere(t.deps.pool, world.traces)).toEqual([]);
    const [account] = await t.deps.db.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, world.leaver.userId));
    expect(account.deletedAt).not.toBeNull();
  });

  it('needs a fresh sign-in; frees the user name and drops the names at once; joining again waits for the purge', async () => {
    const leaver = await member(t);
    t.clock.advance(11 * 60_000);
    expect((await leave(leaver)).json().code).toBe('fresh-sign-in-required');
    t.clock.set(new Date());
    expect((await leave(leaver)).statusCode).toBe(202);
    expect((await leave(leaver)).statusCode).toBe(404);
    const again = await leaver.browser.request('PUT', '/api/community/me', leaver.profile);
    expect(again.json().code).toBe('community-deletion-pending');
    expect((await leaver.browser.request('GET', '/api/community/me')).json().code).toBe('community-deletion-pending');
    // The user name is free at once, and the hidden profile no longer holds the names.
    const successor = await member(t, { userName: leaver.profile.userName });
    expect(successor.profile.userName).toBe(leaver.profile.userName);
    expect(await findAnywhere(t.deps.pool, [leaver.profile.lastName])).toEqual([]);
    expect((await leaver.browser.request('POST', '/api/community/posts', { title: 'After leaving', body: 'x' })).statusCode).toBe(403);

    await sweep();
    expect((await leaver.browser.request('PUT', '/api/community/me', { ...leaver.profile, userName: `${leaver.profile.userName}2` })).statusCode).toBe(201);
  });

  it('[RIGHT-1] the account export holds the member’s profile, posts and comments, not what others wrote', async () => {
    const world = await activeMember();
    const data = JSON.stringify(await collectSubjectData(t.deps, world.leaver.userId));
    for (const trace of world.traces) expect(data).toContain(trace);
    expect(data).not.toContain(world.answerToLeaver.body);
  });
});
