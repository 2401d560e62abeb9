import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../platform/clock.ts';
import { client, latestLink } from '../../../testing/accounts-client.ts';
import { findAnywhere as findAnywhereIn } from '../../../testing/find-anywhere.ts';
import { BASE_URL, createTestApp, type TestApp } from '../../../testing/harness.ts';
import { sessions, users } from '../../accounts/schema.ts';
import { consentLedger } from '../schema.ts';
import { runExport } from './run-export.ts';
import { blobStoreOf } from './subject-blobs.ts';
import { giveFile, newStaff, newSubject, uniqueName, uniquePhone } from './test-subjects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const findAnywhere = (needles: string[]) => findAnywhereIn(t.deps.pool, needles);

describe('erasure', () => {
  it('[RIGHT-1] end to end: export with 3 files, then erasure, then nothing of the person is found anywhere but what the report says is kept', async () => {
    const subject = await newSubject(t);
    const name = uniqueName();
    const phone = uniquePhone();
    await subject.browser.request('PATCH', '/api/account', { name });
    await t.deps.db.update(users).set({ phoneNumber: phone }).where(eq(users.id, subject.userId));
    await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: true });
    await subject.browser.request('POST', '/api/privacy/corrections', { field: 'users.country', text: 'I moved; please note it.' });
    const files = await Promise.all([1, 2, 3].map((n) => giveFile(t, subject.userId, `scan-${n}.pdf`, `scan ${n} of ${name}`)));
    const dpo = await newStaff(t, 'dpo');
    await dpo.browser.request('GET', `/api/staff/privacy-requests?userId=${subject.userId}`);

    const exported = (await subject.browser.request('POST', '/api/privacy/exports')).json().requestId;
    await runExport(t.deps, exported);
    const zip = unzipSync(new Uint8Array((await subject.browser.request('GET', `/api/privacy/exports/${exported}/download`)).rawPayload));
    expect(Object.keys(zip).filter((n) => n.startsWith('files/'))).toHaveLength(3);
    expect(strFromU8(zip['identity.json'])).toContain(name);
    expect(strFromU8(zip['contact.json'])).toContain(phone);

    const erased = await subject.browser.request('POST', '/api/privacy/erasure', { confirm: true });
    expect(erased.statusCode).toBe(200);
    const report = erased.json();
    expect(report.erased).toContainEqual(expect.objectContaining({ table: 'users', how: 'delete', rows: 1 }));
    expect(report.erased).toContainEqual(expect.objectContaining({ table: 'blob', how: 'crypto-shred' }));
    expect(report.kept.map((k: { table: string }) => k.table)).toEqual(expect.arrayContaining(['audit_log', 'consent_ledger', 'privacy_request']));
    for (const kept of report.kept) expect(kept.until === null || new Date(kept.until) > t.clock.now()).toBe(true);

    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, subject.userId))).toHaveLength(0);
    expect((await subject.browser.request('GET', '/api/account')).statusCode).toBe(401);
    expect((await client(t, subject.visitor).signIn()).statusCode).toBe(401);
    await expect(blobStoreOf(t.deps).open(files[0].id, { subjectId: subject.userId })).rejects.toMatchObject({ status: 410 });
    const ledger = await t.deps.db.select().from(consentLedger).where(eq(consentLedger.userId, subject.userId));
    expect(ledger.filter((r) => r.purpose === 'news').map((r) => r.granted)).toEqual([true, false]);

    const hits = await findAnywhere([subject.visitor.email, name, phone]);
    const keptTables = new Set(report.kept.map((k: { table: string }) => k.table));
    expect(hits.filter((h) => !keptTables.has(h.table))).toEqual([]);
    expect(hits.map((h) => `${h.table}.${h.column}`).sort()).toEqual(['outbox_message.recipient']);
  });

  it('[RIGHT-1] the report is readable for 30 days by the mailed link, holds nothing of the person, and nothing else opens it', async () => {
    const subject = await newSubject(t);
    const response = await subject.browser.request('POST', '/api/privacy/erasure', { confirm: true });
    const link = await latestLink(t, subject.visitor.email, '/privacy/erasure-report/');
    const url = new URL(link.replace(BASE_URL, 'http://x'));
    const requestId = url.pathname.split('/').pop();
    const token = url.searchParams.get('token');
    const anonymous = client(t, { ...subject.visitor, ip: '10.9.9.9' });
    const read = await anonymous.request('GET', `/api/privacy/erasure-report/${requestId}?token=${token}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(response.json());
    expect(read.body).not.toContain(subject.visitor.email);
    expect(read.body).not.toContain(subject.userId);
    expect((await anonymous.request('GET', `/api/privacy/erasure-report/${requestId}?token=${'A'.repeat(43)}`)).statusCode).toBe(404);
    t.clock.advance(31 * DAY_MS);
    expect((await anonymous.request('GET', `/api/privacy/erasure-report/${requestId}?token=${token}`)).statusCode).toBe(410);
  });

  it('[RIGHT-3] erasure needs a fresh sign-in', async () => {
    const subject = await newSubject(t);
    t.clock.advance(11 * 60 * 1000);
    const response = await subject.browser.request('POST', '/api/privacy/erasure', { confirm: true });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('fresh-sign-in-required');
    t.clock.set(new Date());
    expect((await subject.browser.request('GET', '/api/account')).statusCode).toBe(200);
  });
});
