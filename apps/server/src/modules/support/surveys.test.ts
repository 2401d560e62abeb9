import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { client, outboxFor, staffClient } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { setPreferences } from '../accounts/preferences.ts';
import { objectTo } from '../privacy/rights/objections.ts';
import { setRestriction } from '../privacy/rights/restriction.ts';
import { openedRequest } from './attachment-test-kit.ts';
import { supportSurvey } from './schema.ts';
import { sendRequestSurveys } from './send-request-surveys.ts';
import { sendSurvey } from './send-survey.ts';
import { sendYearlySurveys } from './send-yearly-surveys.ts';

// Its own database: the jobs walk every request, and the summary counts every survey.
let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t.close());

async function customer() {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, userId, email: visitor.email };
}

type Customer = Awaited<ReturnType<typeof customer>>;

async function closedRequest(owner: Customer) {
  const request = await openedRequest(owner.browser);
  const closed = await owner.browser.request('POST', `/api/support/requests/${request.id}/close`);
  if (closed.statusCode !== 200) throw new Error(`closing answered ${closed.statusCode}`);
  return request;
}

async function surveyLinks(recipient: string): Promise<string[]> {
  const messages = await outboxFor(t, recipient);
  return messages.flatMap((m) => m.body.match(/http:\/\/localhost:3000\/survey\/[A-Za-z0-9_-]+/g) ?? []);
}

const tokenOf = (link: string) => link.split('/survey/')[1];
const visitor = () => client(t, newVisitor());

describe('survey after a request', () => {
  it('[SUP-5] mails one survey when a request is closed, and a rerun mails none', async () => {
    const owner = await customer();
    const open = await openedRequest(owner.browser);
    const request = await closedRequest(owner);
    await sendRequestSurveys(t.deps);
    expect(await surveyLinks(open.contactEmail)).toEqual([]);
    const links = await surveyLinks(request.contactEmail);
    expect(links).toHaveLength(1);
    expect((await outboxFor(t, request.contactEmail))[0].subject).toContain(`#${request.number}`);

    expect(await sendRequestSurveys(t.deps)).toBe(0);
    expect(await surveyLinks(request.contactEmail)).toHaveLength(1);
    const [row] = await t.deps.db.select().from(supportSurvey).where(eq(supportSurvey.requestId, request.id));
    expect(row).toMatchObject({ kind: 'request', userId: owner.userId, email: request.contactEmail, rating: null });
    expect(row.tokenHash).toBe(createHash('sha256').update(tokenOf(links[0])).digest('hex'));
  });

  it('[SUP-5] stores the rating and comment with the email and the request, answered once', async () => {
    const owner = await customer();
    const request = await closedRequest(owner);
    await sendRequestSurveys(t.deps);
    const [link] = await surveyLinks(request.contactEmail);
    const path = `/api/support/surveys/${tokenOf(link)}`;
    const anyone = visitor();

    expect((await anyone.request('GET', path)).json()).toEqual({ kind: 'request', requestNumber: request.number, answered: false });
    expect((await anyone.request('POST', path, { rating: 6 })).statusCode).toBe(400);
    expect((await anyone.request('POST', path, { rating: 4, comment: 'x'.repeat(2001) })).statusCode).toBe(400);
    const answered = await anyone.request('POST', path, { rating: 4, comment: 'Quick and kind' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual({ answered: true });
    const again = await anyone.request('POST', path, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey-answered');
    expect((await anyone.request('GET', path)).json()).toMatchObject({ answered: true });

    const [row] = await t.deps.db.select().from(supportSurvey).where(eq(supportSurvey.requestId, request.id));
    expect(row).toMatchObject({ email: request.contactEmail, rating: 4, comment: 'Quick and kind', answeredAt: t.clock.now() });

    const unknown = randomBytes(32).toString('base64url');
    expect((await anyone.request('GET', `/api/support/surveys/${unknown}`)).statusCode).toBe(404);
    expect((await anyone.request('POST', `/api/support/surveys/${unknown}`, { rating: 3 })).statusCode).toBe(404);
    expect((await anyone.request('GET', '/api/support/surveys/not-a-token')).statusCode).toBe(404);
  });

  it('[SUP-5] asks no one whose account is restricted or who objected to surveys', async () => {
    const restricted = await customer();
    await setRestriction(t.deps, restricted.userId, true);
    const objecting = await customer();
    await objectTo(t.deps, objecting.userId, 'surveys');
    const requests = [await closedRequest(restricted), await closedRequest(objecting)];
    await sendRequestSurveys(t.deps);
    for (const request of requests) {
      expect(await surveyLinks(request.contactEmail)).toEqual([]);
      expect(await t.deps.db.select().from(supportSurvey).where(eq(supportSurvey.requestId, request.id))).toEqual([]);
    }
  });
});

describe('survey links', () => {
  it('[SUP-5] are slowed down against guessing: at most 20 tries a minute from one address', async () => {
    const guesser = visitor();
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await guesser.request('GET', `/api/support/surveys/${randomBytes(32).toString('base64url')}`)).statusCode);
    expect(codes.slice(0, 20).every((code) => code === 404)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('yearly survey', () => {
  it('[SUP-5] goes once a year only to customers who opted in, never to a restricted account', async () => {
    const optedIn = await customer();
    await setPreferences(t.deps, optedIn.userId, { news: false, surveys: true });
    const notAsked = await customer();
    const restricted = await customer();
    await setPreferences(t.deps, restricted.userId, { news: false, surveys: true });
    await setRestriction(t.deps, restricted.userId, true);
    const neverAskedSupport = await customer();
    await setPreferences(t.deps, neverAskedSupport.userId, { news: false, surveys: true });
    for (const who of [optedIn, notAsked, restricted]) await openedRequest(who.browser);

    await sendYearlySurveys(t.deps);
    expect(await surveyLinks(optedIn.email)).toHaveLength(1);
    for (const who of [notAsked, restricted, neverAskedSupport]) expect(await surveyLinks(who.email)).toEqual([]);
    expect(await sendYearlySurveys(t.deps)).toBe(0);
    expect(await surveyLinks(optedIn.email)).toHaveLength(1);

    const [link] = await surveyLinks(optedIn.email);
    expect((await visitor().request('GET', `/api/support/surveys/${tokenOf(link)}`)).json()).toEqual({ kind: 'yearly', requestNumber: null, answered: false });
    const [row] = await t.deps.db.select().from(supportSurvey).where(eq(supportSurvey.userId, optedIn.userId));
    expect(row).toMatchObject({ kind: 'yearly', year: t.clock.now().getUTCFullYear(), email: optedIn.email });

    const now = t.clock.now();
    t.clock.advance(366 * DAY_MS);
    try {
      await sendYearlySurveys(t.deps);
      expect(await surveyLinks(optedIn.email)).toHaveLength(2);
      expect(await surveyLinks(restricted.email)).toEqual([]);
      expect(await t.deps.db.select().from(supportSurvey).where(eq(supportSurvey.userId, restricted.userId))).toEqual([]);
    } finally {
      t.clock.set(now);
    }
  });
});

describe('survey summary', () => {
  it('[SUP-5] gives staff the count, average, distribution and months of all answers', async () => {
    await t.deps.db.delete(supportSurvey);
    const owner = await customer();
    const month = t.clock.now().toISOString().slice(0, 7);
    const ratings = [5, 5, 2];
    for (const rating of [...ratings, null]) {
      const request = await closedRequest(owner);
      await sendSurvey(
        t.deps,
        { kind: 'request', userId: owner.userId, email: request.contactEmail, requestId: request.id, year: null },
        { subject: 's', intro: 'i' },
      );
      if (rating === null) continue;
      const [link] = await surveyLinks(request.contactEmail);
      expect((await visitor().request('POST', `/api/support/surveys/${tokenOf(link)}`, { rating })).statusCode).toBe(200);
    }

    const staff = await staffClient(t, 'support');
    const summary = (await staff.request('GET', '/api/staff/support/surveys/summary')).json();
    expect(summary).toMatchObject({ total: 4, answered: 3, average: 4, distribution: [0, 1, 0, 0, 2] });
    expect(summary.byMonth).toHaveLength(12);
    expect(summary.byMonth.at(-1)).toEqual({ month, answered: 3, average: 4 });
    expect(summary.byMonth[0]).toMatchObject({ answered: 0, average: null });

    expect((await (await staffClient(t, 'admin')).request('GET', '/api/staff/support/surveys/summary')).statusCode).toBe(200);
    expect((await (await staffClient(t, 'dpo')).request('GET', '/api/staff/support/surveys/summary')).statusCode).toBe(403);
    expect((await owner.browser.request('GET', '/api/staff/support/surveys/summary')).statusCode).toBe(403);
    expect((await visitor().request('GET', '/api/staff/support/surveys/summary')).statusCode).toBe(401);
  });
});
