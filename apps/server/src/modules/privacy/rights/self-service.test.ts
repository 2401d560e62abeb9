import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxFor } from '../../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { cookiePurpose, userHasConsent } from '../cookie-consent.ts';
import { recordConsent } from '../record-consent.ts';
import { consentLedger } from '../schema.ts';
import { runExport } from './run-export.ts';
import { newStaff, newSubject } from './test-subjects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

type Subject = Awaited<ReturnType<typeof newSubject>>;

const marketing = (subject: Subject, purpose: string) =>
  t.deps.mailer.send({ to: subject.visitor.email, subject: `Offer ${purpose}`, text: 'Buy more', userId: subject.userId, kind: 'marketing', purpose });

async function historyKinds(subject: Subject) {
  const response = await subject.browser.request('GET', '/api/privacy/requests');
  return response.json().requests.map((r: { kind: string; status: string }) => `${r.kind}:${r.status}`);
}

describe('restriction of processing', () => {
  it('[RIGHT-6] a restricted account cannot switch opt-ins on, and gets service mail but no news or survey mail', async () => {
    const subject = await newSubject(t);
    expect((await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: false })).statusCode).toBe(200);
    const restricted = await subject.browser.request('POST', '/api/privacy/restriction', { restricted: true });
    expect(restricted.json()).toMatchObject({ restricted: true });

    const optIn = await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: true });
    expect(optIn.statusCode).toBe(409);
    expect(optIn.json().code).toBe('processing-restricted');
    expect((await subject.browser.request('PUT', '/api/account/preferences', { news: false, surveys: false })).statusCode).toBe(200);

    await marketing(subject, 'news');
    await t.deps.mailer.send({ to: subject.visitor.email, subject: 'Planned maintenance', text: 'Service notice', userId: subject.userId, kind: 'service' });
    await t.deps.mailer.send({ to: subject.visitor.email, subject: 'Survey without id', text: 'Tell us', kind: 'marketing' });
    const subjects = (await outboxFor(t, subject.visitor.email)).map((m) => m.subject);
    expect(subjects).toContain('Planned maintenance');
    expect(subjects).not.toContain('Offer news');
    expect(subjects).not.toContain('Survey without id');
  });

  it('[RIGHT-6] export, correction and erasure stay allowed; lifting the restriction allows opt-ins again', async () => {
    const subject = await newSubject(t);
    await subject.browser.request('POST', '/api/privacy/restriction', { restricted: true });
    expect((await subject.browser.request('GET', '/api/privacy/restriction')).json().restricted).toBe(true);
    const exported = await subject.browser.request('POST', '/api/privacy/exports');
    expect(exported.statusCode).toBe(202);
    await runExport(t.deps, exported.json().requestId);
    expect((await subject.browser.request('GET', `/api/privacy/exports/${exported.json().requestId}/download`)).statusCode).toBe(200);
    expect((await subject.browser.request('POST', '/api/privacy/corrections', { field: 'users.name', text: 'Spelt wrong' })).statusCode).toBe(201);

    await subject.browser.request('POST', '/api/privacy/restriction', { restricted: false });
    expect((await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: false })).statusCode).toBe(200);
    await marketing(subject, 'news');
    expect((await outboxFor(t, subject.visitor.email)).map((m) => m.subject)).toContain('Offer news');
    expect(await historyKinds(subject)).toEqual(expect.arrayContaining(['restriction:done', 'access:done', 'rectification:verified']));

    const other = await newSubject(t);
    await other.browser.request('POST', '/api/privacy/restriction', { restricted: true });
    expect((await other.browser.request('POST', '/api/privacy/erasure', { confirm: true })).statusCode).toBe(200);
  });
});

describe('objection and withdrawal', () => {
  it('[RIGHT-1] an objection is recorded in the consent ledger and stops that processing', async () => {
    const subject = await newSubject(t);
    await subject.browser.request('PUT', '/api/account/preferences', { news: false, surveys: true });
    await recordConsent(
      t.deps,
      { userId: subject.userId },
      [{ purpose: cookiePurpose('first-party-analytics'), granted: true }],
      {},
      { noticeVersion: 'test', source: 'test' },
    );
    expect(await userHasConsent(t.deps, subject.userId, 'first-party-analytics')).toBe(true);

    expect((await subject.browser.request('POST', '/api/privacy/objections', { purpose: 'surveys' })).statusCode).toBe(201);
    expect((await subject.browser.request('POST', '/api/privacy/objections', { purpose: 'statistics' })).statusCode).toBe(201);
    expect((await subject.browser.request('POST', '/api/privacy/objections', { purpose: 'everything' })).json().errors[0].field).toBe('purpose');

    const rows = await t.deps.db
      .select()
      .from(consentLedger)
      .where(and(eq(consentLedger.userId, subject.userId), eq(consentLedger.purpose, 'objection:surveys')));
    expect(rows.map((r) => r.granted)).toEqual([false]);
    expect((await subject.browser.request('GET', '/api/privacy/objections')).json()).toEqual({ statistics: true, surveys: true });
    expect((await subject.browser.request('GET', '/api/account/preferences')).json().surveys).toBe(false);
    expect(await userHasConsent(t.deps, subject.userId, 'first-party-analytics')).toBe(false);
    await subject.browser.request('PUT', '/api/account/preferences', { news: false, surveys: true });
    await marketing(subject, 'surveys');
    expect((await outboxFor(t, subject.visitor.email)).map((m) => m.subject)).not.toContain('Offer surveys');
    expect(await historyKinds(subject)).toEqual(expect.arrayContaining(['objection:done']));

    expect((await subject.browser.request('DELETE', '/api/privacy/objections/surveys')).statusCode).toBe(200);
    expect((await subject.browser.request('GET', '/api/privacy/objections')).json()).toEqual({ statistics: true, surveys: false });
    await marketing(subject, 'surveys');
    expect((await outboxFor(t, subject.visitor.email)).map((m) => m.subject)).toContain('Offer surveys');
    const withdrawn = (await subject.browser.request('POST', '/api/privacy/consents/withdraw-all')).json().withdrawn;
    expect(withdrawn).toEqual(['surveys']);
  });

  it('[RIGHT-1] withdraw-all appends a withdrawal for every granted consent and never changes earlier rows', async () => {
    const subject = await newSubject(t);
    await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: true });
    await recordConsent(
      t.deps,
      { userId: subject.userId },
      [{ purpose: cookiePurpose('performance'), granted: true }],
      {},
      { noticeVersion: 'test', source: 'test' },
    );
    const before = await t.deps.db.select().from(consentLedger).where(eq(consentLedger.userId, subject.userId));

    const response = await subject.browser.request('POST', '/api/privacy/consents/withdraw-all');
    expect(response.statusCode).toBe(200);
    expect(response.json().withdrawn.sort()).toEqual(['cookie:performance', 'news', 'surveys']);

    const after = await t.deps.db.select().from(consentLedger).where(eq(consentLedger.userId, subject.userId));
    expect(after).toHaveLength(before.length + 3);
    for (const row of before) expect(after).toContainEqual(row);
    expect((await subject.browser.request('GET', '/api/account/preferences')).json()).toMatchObject({ news: false, surveys: false });
    expect(await historyKinds(subject)).toEqual(expect.arrayContaining(['withdrawal:done']));
  });
});

describe('correction requests', () => {
  it('[RIGHT-1] a correction of a data-map field becomes a rectification request staff see with its deadline', async () => {
    const subject = await newSubject(t);
    const dpo = await newStaff(t, 'dpo');
    const fields = (await subject.browser.request('GET', '/api/privacy/corrections/fields')).json().fields;
    expect(fields).toEqual(expect.arrayContaining(['users.name', 'users.email']));
    expect(fields).not.toContain('accounts.password');

    const unknown = await subject.browser.request('POST', '/api/privacy/corrections', { field: 'accounts.password', text: 'x' });
    expect(unknown.json().errors[0].field).toBe('field');
    const long = await subject.browser.request('POST', '/api/privacy/corrections', { field: 'users.name', text: 'x'.repeat(2001) });
    expect(long.json().errors[0].field).toBe('text');

    const created = await subject.browser.request('POST', '/api/privacy/corrections', { field: 'users.country', text: 'My country is shown wrongly' });
    expect(created.statusCode).toBe(201);
    const queue = (await dpo.browser.request('GET', `/api/staff/privacy-requests?userId=${subject.userId}`)).json().requests;
    expect(queue).toContainEqual(
      expect.objectContaining({
        id: created.json().requestId,
        kind: 'rectification',
        details: { field: 'users.country', text: 'My country is shown wrongly' },
      }),
    );
  });
});
